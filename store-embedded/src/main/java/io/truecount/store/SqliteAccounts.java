package io.truecount.store;

import io.truecount.store.jdbc.JdbcAccounts;
import io.truecount.store.jdbc.Sql;
import java.nio.file.Path;

/** UI users, memberships and sessions in their own SQLite file. */
public final class SqliteAccounts extends JdbcAccounts {
  public SqliteAccounts(Path file) {
    super(Sql.single(Sqlite.schema(file,
        "CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS memberships (user_id TEXT NOT NULL REFERENCES users(id), advertiser_id TEXT NOT NULL, role TEXT NOT NULL,"
            + " PRIMARY KEY (user_id, advertiser_id))",
        "CREATE TABLE IF NOT EXISTS sessions (id_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, csrf TEXT NOT NULL, started_at INTEGER NOT NULL,"
            + " last_used_at INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id)"), "accounts store"));
  }
}
