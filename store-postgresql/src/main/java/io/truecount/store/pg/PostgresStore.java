package io.truecount.store.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.TouchLog;
import io.truecount.store.jdbc.JdbcAccounts;
import io.truecount.store.jdbc.JdbcAdsStore;
import io.truecount.store.jdbc.JdbcCatalog;
import io.truecount.store.jdbc.JdbcTouchLog;
import io.truecount.store.jdbc.Sql;
import io.truecount.store.jdbc.StoreException;
import java.util.function.LongConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Truecount's stores on one PostgreSQL database: the schema is migrated by Flyway
 * ({@code db/truecount/V*__*.sql}) before anything else runs, connections come from one HikariCP
 * pool, every statement is prepared, and every commit waits for the WAL flush
 * ({@code synchronous_commit=on} on every connection, whatever the server's default).
 */
public final class PostgresStore implements AutoCloseable {
  /** Where the database is and how many connections one node may hold. */
  public record Settings(String url, String user, String password, int poolSize) {
    @Override
    public String toString() {
      return "Settings[url=" + url + ", user=" + user + ", password=****, poolSize=" + poolSize + "]";
    }
  }

  private final HikariDataSource pool;

  private PostgresStore(HikariDataSource pool) {
    this.pool = pool;
  }

  /** Connects, migrates the schema to the latest version, and returns the store. */
  public static PostgresStore open(Settings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(Math.max(4, settings.poolSize()));
    config.setPoolName("truecount");
    config.setConnectionInitSql("SET synchronous_commit TO on");
    config.addDataSourceProperty("prepareThreshold", "1");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostgreSQL at " + settings.url() + ": " + e.getMessage(), e);
    }
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/truecount").load().migrate();
    } catch (FlywayException e) {
      pool.close();
      throw new StoreException("migrating the PostgreSQL schema failed: " + e.getMessage(), e);
    }
    return new PostgresStore(pool);
  }

  public Catalog catalog() {
    return new JdbcCatalog(sql("catalog"));
  }

  public Accounts accounts() {
    return new JdbcAccounts(sql("accounts store"));
  }

  public AdsStore ads() {
    return new JdbcAdsStore(sql("ads store"));
  }

  public TouchLog touches() {
    return new JdbcTouchLog(sql("touch log"));
  }

  public EventLog eventLog(int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    return new PostgresEventLog(pool, maxQueuedRequests, maxQueuedEvents, commitNanos);
  }

  /** The adapters share the pool; closing one of them leaves it open, closing the store closes it. */
  private Sql sql(String name) {
    return Sql.pooled(pool, () -> { }, name);
  }

  @Override
  public void close() {
    pool.close();
  }
}
