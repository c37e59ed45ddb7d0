package io.truecount.server.cli;

import io.truecount.server.Config;
import io.truecount.server.Truecount;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code truecount serve}: run the server until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Truecount server.")
final class ServeCommand implements Runnable {
  @Mixin ConfigOptions options;

  @Option(names = "--port", description = "HTTP port (default 8080; 0 picks a free one).")
  Integer port;

  @Option(names = "--host", description = "Interface to bind (default 127.0.0.1).")
  String host;

  @Override
  public void run() {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (port != null) {
      overrides.put("http.port", port.toString());
    }
    if (host != null) {
      overrides.put("http.host", host);
    }
    Config config = options.load(overrides);
    Truecount truecount = Truecount.start(config, Clock.systemUTC(), new SecureRandom());
    System.out.println("Truecount listening on http://" + config.host() + ":" + truecount.port() + "  (" + config.describe() + ")");
    truecount.generatedAdminToken().ifPresent(t -> System.out.println("Admin token (shown once, store it): " + t));
    truecount.generatedAdminPassword().ifPresent(pw -> System.out.println("Web UI: http://" + config.host() + ":" + truecount.port() + "/ui  login "
        + Truecount.FIRST_USER + "  password " + pw + "  (shown once; change it with: truecount user password " + Truecount.FIRST_USER + ")"));
    awaitShutdown(truecount);
  }

  static void awaitShutdown(Truecount truecount) {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      truecount.close();
      stopped.countDown();
    }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
