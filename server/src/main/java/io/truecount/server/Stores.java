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
import io.truecount.store.pg.PostgresStore;
import java.util.function.LongConsumer;

/** The stores of one deployment, chosen by {@code store.kind}: SQLite files under {@code data.dir}, or PostgreSQL. */
record Stores(Catalog catalog, EventLog log, AdsStore ads, TouchLog touches, Accounts accounts, AutoCloseable shared) implements AutoCloseable {
  static Stores open(Config config, LongConsumer commitNanos) {
    Config.Storage s = config.storage();
    if (s.postgres()) {
      PostgresStore pg = PostgresStore.open(new PostgresStore.Settings(s.postgresUrl(), s.postgresUser(), s.postgresPassword(), s.poolSize()));
      return new Stores(pg.catalog(), pg.eventLog(config.queueRequests(), config.queueEvents(), commitNanos), pg.ads(), pg.touches(), pg.accounts(), pg);
    }
    var dir = config.dataDir();
    return new Stores(new SqliteCatalog(dir.resolve("catalog.db")),
        new SqliteEventLog(dir.resolve("log.db"), config.queueRequests(), config.queueEvents(), commitNanos),
        new SqliteAdsStore(dir.resolve("ads.db")), new SqliteTouchLog(dir.resolve("touches.db")), new SqliteAccounts(dir.resolve("accounts.db")), () -> { });
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
