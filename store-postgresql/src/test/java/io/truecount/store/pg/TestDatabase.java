package io.truecount.store.pg;

import io.truecount.testkit.TestPostgres;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One database per test directory, so a reopen sees the same data and tests never see each other's. */
final class TestDatabase {
  private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

  private TestDatabase() {}

  static PostgresStore open(Path dir) {
    String url = DATABASES.computeIfAbsent(dir, d -> TestPostgres.newDatabase());
    return PostgresStore.open(new PostgresStore.Settings(url, "postgres", "postgres", 4));
  }
}
