package io.truecount.store;

import io.truecount.store.jdbc.JdbcCatalog;
import io.truecount.store.jdbc.Sql;
import java.nio.file.Path;

/** Advertisers, sources, tokens and settings in their own SQLite file (small, rarely written). */
public final class SqliteCatalog extends JdbcCatalog {
  public SqliteCatalog(Path file) {
    super(Sql.single(Sqlite.schema(file,
        "CREATE TABLE IF NOT EXISTS advertisers (id TEXT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL, currency TEXT NOT NULL, country TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), kind TEXT NOT NULL, name TEXT NOT NULL, test_code TEXT NOT NULL, strict_pii INTEGER NOT NULL, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL UNIQUE, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), source_id TEXT, created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_used_at INTEGER)",
        "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"), "catalog"));
  }
}
