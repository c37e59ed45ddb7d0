package io.truecount.store;

import io.truecount.store.jdbc.JdbcTouchLog;
import io.truecount.store.jdbc.Sql;
import java.nio.file.Path;

/** The touch log in its own SQLite file: one row per touch, one fsync per append. Hashed keys only. */
public final class SqliteTouchLog extends JdbcTouchLog {
  public SqliteTouchLog(Path file) {
    super(Sql.single(Sqlite.schema(file, "CREATE TABLE IF NOT EXISTS touches (seq INTEGER PRIMARY KEY AUTOINCREMENT, touch_id TEXT NOT NULL, advertiser_id TEXT NOT NULL,"
        + " ad_id TEXT NOT NULL, kind TEXT NOT NULL, time_ms INTEGER NOT NULL, emails TEXT NOT NULL, phones TEXT NOT NULL, external_ids TEXT NOT NULL,"
        + " ttclid TEXT NOT NULL, ttp TEXT NOT NULL, ip TEXT NOT NULL, user_agent TEXT NOT NULL)"), "touch log"));
  }
}
