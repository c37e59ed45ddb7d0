package io.truecount.server;

import io.truecount.core.SourceKind;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.store.SqliteCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Truecount as a separate JVM (so it can be killed with SIGKILL), its output in a log file. */
final class ChildServer implements AutoCloseable {
  static final String PIXEL = "CCRASHTEST0000000001";
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  final Path dataDir;
  final Path logFile;
  private Process process;
  private int port;

  private final java.util.Map<String, String> env;

  ChildServer(Path dataDir, Path logFile) {
    this(dataDir, logFile, java.util.Map.of());
  }

  /** A child with extra environment (configuration overrides such as {@code TRUECOUNT_STORE_KIND}). */
  ChildServer(Path dataDir, Path logFile, java.util.Map<String, String> env) {
    this.dataDir = dataDir;
    this.logFile = logFile;
    this.env = env;
  }

  /** Creates the advertiser, pixel and token directly in the catalog; returns the token secret. */
  String provision() {
    try (SqliteCatalog catalog = new SqliteCatalog(dataDir.resolve("catalog.db"))) {
      return provision(catalog);
    }
  }

  /** Creates the advertiser, pixel and token in {@code catalog}; returns the token secret. */
  static String provision(io.truecount.core.spi.Catalog catalog) {
    CatalogAdmin admin = new CatalogAdmin(catalog, Clock.systemUTC(), new SecureRandom());
    admin.createAdvertiser(Optional.of("7200000000000001"), "Crash", "America/Sao_Paulo", "BRL", "BR");
    admin.createSource("7200000000000001", SourceKind.WEB, Optional.of(PIXEL), "site", false);
    return admin.createToken("7200000000000001", Optional.empty()).secret();
  }

  void start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-Duser.timezone=America/Sao_Paulo", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "io.truecount.server.cli.Main", "serve", "--port", "0", "--data-dir", dataDir.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    builder.environment().put("TRUECOUNT_ADMIN_TOKEN", "child-admin");
    builder.environment().putAll(env);
    long before = Files.exists(logFile) ? Files.size(logFile) : 0;
    process = builder.start();
    port = awaitPort(before);
  }

  private int awaitPort(long offset) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("child server exited: " + Files.readString(logFile));
      }
      if (Files.exists(logFile)) {
        String out = Files.readString(logFile);
        Matcher m = LISTENING.matcher(out.substring((int) Math.min(offset, out.length())));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException("child server did not start in 60 s");
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }
}
