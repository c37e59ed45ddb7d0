package io.truecount.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh real {@link Server} per test, in its own temp data directory. */
abstract class ServerTest {
  @TempDir Path dir;
  Server server;

  @BeforeEach
  void startServer() {
    server = new Server(dir);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }
}
