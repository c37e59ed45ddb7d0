package io.truecount.server;

import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.TouchLog;
import io.truecount.store.SqliteAccounts;
import io.truecount.store.SqliteAdsStore;
import io.truecount.store.SqliteCatalog;
import io.truecount.store.SqliteEventLog;
import io.truecount.store.SqliteTouchLog;
import io.truecount.log.kafka.KafkaEventLog;
import io.truecount.log.kafka.KafkaTouchLog;
import io.truecount.store.pg.PostgresStore;
import io.truecount.core.spi.Partitioning;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * The stores of one deployment, chosen by {@code store.kind} (SQLite files under {@code data.dir}, or PostgreSQL) and {@code log.kind}
 * (the store's own event and touch logs, or both on Kafka).
 */
record Stores(Catalog catalog, EventLog log, AdsStore ads, TouchLog touches, Accounts accounts, AutoCloseable shared) implements AutoCloseable {
  static Stores open(Config config, LongConsumer commitNanos) {
    Config.Storage s = config.storage();
    if (s.postgres()) {
      PostgresStore pg = PostgresStore.open(new PostgresStore.Settings(s.postgresUrl(), s.postgresUser(), s.postgresPassword(), s.poolSize()));
      EventLog log = config.kafka().enabled() ? kafka(config, pg.catalog(), commitNanos) : pg.eventLog(config.queueRequests(), config.queueEvents(), commitNanos);
      TouchLog touches = config.kafka().enabled() ? kafkaTouches(config) : pg.touches();
      return new Stores(pg.catalog(), log, pg.ads(), touches, pg.accounts(), pg);
    }
    var dir = config.dataDir();
    Catalog catalog = new SqliteCatalog(dir.resolve("catalog.db"));
    EventLog log = config.kafka().enabled() ? kafka(config, catalog, commitNanos)
        : new SqliteEventLog(dir.resolve("log.db"), config.queueRequests(), config.queueEvents(), commitNanos);
    TouchLog touches = config.kafka().enabled() ? kafkaTouches(config) : new SqliteTouchLog(dir.resolve("touches.db"));
    return new Stores(catalog, log,
        new SqliteAdsStore(dir.resolve("ads.db")), touches, new SqliteAccounts(dir.resolve("accounts.db")), () -> { });
  }

  /** With the event log on Kafka, touches go to the topic beside it ({@code <topic>-touches}). */
  private static TouchLog kafkaTouches(Config config) {
    return new KafkaTouchLog(kafkaSettings(config.kafka()).touches());
  }

  /** Each event to its advertiser's partition (a source never changes advertiser, so the lookup is cached). */
  private static EventLog kafka(Config config, Catalog catalog, LongConsumer commitNanos) {
    Partitioning partitioning = new Partitioning(config.kafka().partitions());
    Map<String, Integer> bySource = new ConcurrentHashMap<>();
    return new KafkaEventLog(kafkaSettings(config.kafka()), event -> bySource.computeIfAbsent(event.sourceId(),
        id -> partitioning.of(catalog.source(id).orElseThrow(() -> new IllegalStateException("unknown source " + id)).advertiserId())),
        config.queueRequests(), config.queueEvents(), commitNanos);
  }

  private static KafkaEventLog.Settings kafkaSettings(Config.KafkaLog k) {
    return new KafkaEventLog.Settings(k.bootstrapServers(), k.topic(), k.replicationFactor(), k.partitions(), k.sessionTimeout());
  }

  /** Which partition holds an advertiser (one partition for the store's own log). */
  Partitioning partitioning() {
    return new Partitioning(log.partitions());
  }

  /** Closes the log first (it commits what is queued), then the rest. */
  @Override
  public void close() {
    log.close();
    touches.close();
    ads.close();
    accounts.close();
    catalog.close();
    try {
      shared.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the store failed: " + e.getMessage(), e);
    }
  }
}
