package io.truecount.store.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL 17 (embedded binaries from Maven Central, no Docker) started once per test JVM,
 * with {@code synchronous_commit=on}; each test directory gets its own database, so a reopen sees
 * the same data and tests never see each other's.
 */
final class TestDatabase {
  private static final EmbeddedPostgres SERVER = start();
  private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestDatabase() {}

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start", e);
    }
  }

  /** The store of the database belonging to {@code dir} (created on first use). */
  static PostgresStore open(Path dir) {
    String name = DATABASES.computeIfAbsent(dir, d -> create("t" + NEXT.incrementAndGet()));
    return PostgresStore.open(new PostgresStore.Settings(SERVER.getJdbcUrl("postgres", name), "postgres", "postgres", 4));
  }

  private static String create(String name) {
    try (Connection db = SERVER.getPostgresDatabase().getConnection(); Statement s = db.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      return name;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
