package io.truecount.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Effective configuration, typed. Built only by {@link ConfigLoader}, which checks every value
 * before start. Defaults are safe: loopback only, data under ./data.
 */
public record Config(
    String host,
    int port,
    Path dataDir,
    long maxBodyBytes,
    long maxDecompressedBytes,
    int queueRequests,
    long queueEvents,
    Duration maxFuture,
    Duration maxAgeWebApp,
    Duration maxAgeOfflineCrm,
    int recentEventsPerSource,
    int testEventsPerSource,
    String adminToken,
    Duration tokenCacheTtl,
    int ioThreads,
    String publicUrl,
    boolean trustForwardedFor,
    Storage storage,
    KafkaLog kafka) {

  /**
   * The event log on Kafka instead of the store's own log ({@code log.kind=kafka}): its topic's
   * partitions (fixed when the topic is created), the URL other nodes reach this node at (empty:
   * from http.host and the bound port), and how soon a silent node's partitions move.
   */
  public record KafkaLog(boolean enabled, String bootstrapServers, String topic, short replicationFactor, int partitions, String nodeUrl,
      Duration sessionTimeout) {
    @Override
    public String toString() {
      return enabled ? "log.kind=kafka log.kafka.bootstrap-servers=" + bootstrapServers + " log.kafka.topic=" + topic
          + " log.kafka.replication-factor=" + replicationFactor + " log.kafka.partitions=" + partitions
          + (nodeUrl.isEmpty() ? "" : " log.kafka.node-url=" + nodeUrl) + " log.kafka.session-timeout-seconds=" + sessionTimeout.toSeconds()
          : "log.kind=store";
    }
  }

  /** Where the data lives: the embedded SQLite files under {@code data.dir}, or a PostgreSQL database. */
  public record Storage(String kind, String postgresUrl, String postgresUser, String postgresPassword, int poolSize) {
    public static final String EMBEDDED = "embedded";
    public static final String POSTGRESQL = "postgresql";

    public boolean postgres() {
      return kind.equals(POSTGRESQL);
    }

    @Override
    public String toString() {
      return postgres() ? "store.kind=postgresql store.postgresql.url=" + postgresUrl + " store.postgresql.user=" + postgresUser
          + " store.postgresql.password=" + (postgresPassword.isEmpty() ? "(none)" : "****") + " store.postgresql.pool-size=" + poolSize
          : "store.kind=embedded";
    }
  }

  /** The effective configuration for logs: secrets masked. */
  public String describe() {
    return "http.host=" + host + " http.port=" + port + (publicUrl.isEmpty() ? "" : " http.public-url=" + publicUrl)
        + " http.trust-forwarded-for=" + trustForwardedFor + " data.dir=" + dataDir
        + " ingest.max-body-bytes=" + maxBodyBytes + " ingest.queue-requests=" + queueRequests
        + " ingest.queue-events=" + queueEvents + " " + storage + " " + kafka + " admin.token=" + (adminToken.isEmpty() ? "(generated at first start)" : "****");
  }
}
