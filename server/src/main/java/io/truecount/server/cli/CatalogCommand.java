package io.truecount.server.cli;

import io.truecount.server.admin.CatalogAdmin;
import io.truecount.store.SqliteCatalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/** Runs an admin action against the catalog in the data directory (works with or without a running server). */
final class CatalogCommand {
  private CatalogCommand() {}

  static <T> T run(ConfigOptions options, Function<CatalogAdmin, T> action) {
    try (SqliteCatalog catalog = new SqliteCatalog(options.load(Map.of()).dataDir().resolve("catalog.db"))) {
      return action.apply(new CatalogAdmin(catalog, Clock.systemUTC(), new SecureRandom()));
    }
  }
}
