package io.truecount.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads configuration from a properties file, then environment overrides ({@code TRUECOUNT_HTTP_PORT}
 * overrides {@code http.port}), then explicit overrides (command-line flags). Every problem is
 * reported at once; an unknown key is an error with a "did you mean". The launcher's own variables
 * ({@link #LAUNCHER_VARIABLES}) are not settings.
 */
public final class ConfigLoader {
  /** Read by {@code ./truecount} before the JVM starts (JVM options, another build's jar). */
  static final Set<String> LAUNCHER_VARIABLES = Set.of("TRUECOUNT_JAVA_OPTS", "TRUECOUNT_JAR");
  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("http.host", "127.0.0.1");
    DEFAULTS.put("http.port", "8080");
    DEFAULTS.put("http.io-threads", "0");
    DEFAULTS.put("http.public-url", "");
    DEFAULTS.put("http.trust-forwarded-for", "false");
    DEFAULTS.put("data.dir", "./data");
    DEFAULTS.put("ingest.max-body-bytes", Long.toString(8L << 20));
    DEFAULTS.put("ingest.max-decompressed-bytes", Long.toString(32L << 20));
    DEFAULTS.put("ingest.queue-requests", "20000");
    DEFAULTS.put("ingest.queue-events", "400000");
    DEFAULTS.put("ingest.max-future-minutes", "10");
    DEFAULTS.put("ingest.max-age-days.web-app", "7");
    DEFAULTS.put("ingest.max-age-days.offline-crm", "90");
    DEFAULTS.put("views.recent-events-per-source", "1000");
    DEFAULTS.put("views.test-events-per-source", "200");
    DEFAULTS.put("admin.token", "");
    DEFAULTS.put("auth.token-cache-seconds", "2");
    DEFAULTS.put("store.kind", Config.Storage.EMBEDDED);
    DEFAULTS.put("store.postgresql.url", "");
    DEFAULTS.put("store.postgresql.user", "truecount");
    DEFAULTS.put("store.postgresql.password", "");
    DEFAULTS.put("store.postgresql.pool-size", "16");
    DEFAULTS.put("log.kind", "store");
    DEFAULTS.put("log.kafka.bootstrap-servers", "");
    DEFAULTS.put("log.kafka.topic", "truecount.events");
    DEFAULTS.put("log.kafka.replication-factor", "3");
    DEFAULTS.put("log.kafka.partitions", "12");
    DEFAULTS.put("log.kafka.node-url", "");
    DEFAULTS.put("log.kafka.session-timeout-seconds", "10");
  }

  private ConfigLoader() {}

  /** Thrown with every problem found, one per line. */
  public static final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidConfigException(List<String> problems) {
      super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    }
  }

  public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) {
    List<String> problems = new ArrayList<>();
    Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
    if (file != null) {
      readFile(file, problems).forEach((k, v) -> put(values, k, v, "file " + file, problems));
    }
    env.forEach((name, value) -> {
      if (name.startsWith("TRUECOUNT_") && !LAUNCHER_VARIABLES.contains(name)) {
        put(values, fromEnv(name), value, "environment " + name, problems);
      }
    });
    overrides.forEach((k, v) -> put(values, k, v, "option", problems));
    Config config = build(values, problems);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(problems);
    }
    return config;
  }

  private static Config build(Map<String, String> v, List<String> problems) {
    Parser p = new Parser(v, problems);
    return new Config(
        p.text("http.host"),
        p.integer("http.port", 0, 65535),
        Path.of(p.text("data.dir")),
        p.longValue("ingest.max-body-bytes", 5L << 20, 1L << 30),
        p.longValue("ingest.max-decompressed-bytes", 5L << 20, 1L << 31),
        p.integer("ingest.queue-requests", 1, 10_000_000),
        p.longValue("ingest.queue-events", 1000, 100_000_000),
        Duration.ofMinutes(p.integer("ingest.max-future-minutes", 0, 24 * 60)),
        Duration.ofDays(p.integer("ingest.max-age-days.web-app", 1, 3650)),
        Duration.ofDays(p.integer("ingest.max-age-days.offline-crm", 1, 3650)),
        p.integer("views.recent-events-per-source", 10, 1_000_000),
        p.integer("views.test-events-per-source", 10, 100_000),
        p.text("admin.token"),
        Duration.ofSeconds(p.integer("auth.token-cache-seconds", 0, 3600)),
        p.integer("http.io-threads", 0, 256),
        p.url("http.public-url"),
        p.bool("http.trust-forwarded-for"),
        storage(p, problems),
        kafka(p, problems));
  }

  /** The URL other nodes reach this one at: needed when it listens on every interface (which address would they use?). */
  private static String nodeUrl(Parser p, boolean kafka, List<String> problems) {
    String url = p.url("log.kafka.node-url");
    String host = p.text("http.host");
    if (kafka && url.isEmpty() && (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]"))) {
      problems.add("log.kafka.node-url = (empty): with http.host=" + host + " other nodes cannot tell this node's address;"
          + " set the URL they reach it at, e.g. http://10.0.0.5:8080");
    }
    return url;
  }

  private static Config.KafkaLog kafka(Parser p, List<String> problems) {
    String kind = p.text("log.kind");
    String servers = p.text("log.kafka.bootstrap-servers");
    if (!kind.equals("store") && !kind.equals("kafka")) {
      problems.add("log.kind = " + kind + ": must be store (the event log in the store: SQLite or PostgreSQL) or kafka");
    } else if (kind.equals("kafka") && servers.isEmpty()) {
      problems.add("log.kafka.bootstrap-servers = (empty): log.kind=kafka needs the brokers, e.g. kafka1:9092,kafka2:9092");
    }
    return new Config.KafkaLog(kind.equals("kafka"), servers, p.text("log.kafka.topic"), (short) p.integer("log.kafka.replication-factor", 1, 16),
        p.integer("log.kafka.partitions", 1, io.truecount.core.spi.Seqs.MAX_PARTITIONS), nodeUrl(p, kind.equals("kafka"), problems),
        Duration.ofSeconds(p.integer("log.kafka.session-timeout-seconds", 1, 1800)));
  }

  private static Config.Storage storage(Parser p, List<String> problems) {
    String kind = p.text("store.kind");
    String url = p.text("store.postgresql.url");
    if (!kind.equals(Config.Storage.EMBEDDED) && !kind.equals(Config.Storage.POSTGRESQL)) {
      problems.add("store.kind = " + kind + ": must be embedded (SQLite files under data.dir) or postgresql");
    } else if (kind.equals(Config.Storage.POSTGRESQL) && !url.startsWith("jdbc:postgresql://")) {
      problems.add("store.postgresql.url = " + (url.isEmpty() ? "(empty)" : url) + ": store.kind=postgresql needs a JDBC URL such as jdbc:postgresql://db.internal:5432/truecount");
    }
    return new Config.Storage(kind, url, p.text("store.postgresql.user"), p.text("store.postgresql.password"),
        p.integer("store.postgresql.pool-size", 4, 1000));
  }

  private static final class Parser {
    private final Map<String, String> values;
    private final List<String> problems;

    Parser(Map<String, String> values, List<String> problems) {
      this.values = values;
      this.problems = problems;
    }

    String text(String key) {
      return values.get(key).trim();
    }

    boolean bool(String key) {
      String raw = text(key);
      if (!raw.equals("true") && !raw.equals("false")) {
        problems.add(key + " = " + raw + ": must be true or false");
      }
      return raw.equals("true");
    }

    /** Empty, or an absolute http(s) URL without a trailing slash. */
    String url(String key) {
      String raw = text(key);
      if (raw.isEmpty()) {
        return raw;
      }
      try {
        java.net.URI uri = new java.net.URI(raw);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || uri.getQuery() != null) {
          problems.add(key + " = " + raw + ": must be an absolute http(s) URL without a query, e.g. https://track.shop.example");
        }
      } catch (java.net.URISyntaxException e) {
        problems.add(key + " = " + raw + ": not a URL (" + e.getReason() + ")");
      }
      return raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    }

    int integer(String key, int min, int max) {
      return (int) number(key, min, max, Integer::parseInt);
    }

    long longValue(String key, long min, long max) {
      return number(key, min, max, Long::parseLong);
    }

    private long number(String key, long min, long max, Function<String, Number> parse) {
      String raw = text(key);
      try {
        long value = parse.apply(raw).longValue();
        if (value < min || value > max) {
          problems.add(key + " = " + raw + ": must be between " + min + " and " + max);
        }
        return value;
      } catch (NumberFormatException e) {
        problems.add(key + " = " + raw + ": not a whole number");
        return min;
      }
    }
  }

  private static void put(Map<String, String> values, String key, String value, String origin, List<String> problems) {
    if (!DEFAULTS.containsKey(key)) {
      problems.add("unknown key '" + key + "' (from " + origin + ")" + suggestion(key));
      return;
    }
    values.put(key, value);
  }

  static String fromEnv(String name) {
    String key = name.substring("TRUECOUNT_".length()).toLowerCase(Locale.ROOT);
    for (String known : DEFAULTS.keySet()) {
      if (known.replace('.', '_').replace('-', '_').equals(key)) {
        return known;
      }
    }
    return key.replace('_', '.');
  }

  private static String suggestion(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : DEFAULTS.keySet()) {
      int d = distance(key, known);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best != null && bestDistance <= Math.max(3, key.length() / 3) ? "; did you mean '" + best + "'?" : "";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static Map<String, String> readFile(Path file, List<String> problems) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      problems.add("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> out.put(k, properties.getProperty(k)));
    return out;
  }
}
