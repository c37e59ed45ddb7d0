package io.truecount.store;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.spi.TouchLog;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The touch log in its own SQLite file: one row per touch, one fsync per append. Hashed keys only. */
public final class SqliteTouchLog implements TouchLog {
  private static final String COLUMNS = "touch_id, advertiser_id, ad_id, kind, time_ms, emails, phones, external_ids, ttclid, ttp, ip, user_agent";

  private final Sql sql;

  public SqliteTouchLog(Path file) {
    var db = Sqlite.open(file);
    Sqlite.execute(db, "CREATE TABLE IF NOT EXISTS touches (seq INTEGER PRIMARY KEY AUTOINCREMENT, touch_id TEXT NOT NULL, advertiser_id TEXT NOT NULL,"
        + " ad_id TEXT NOT NULL, kind TEXT NOT NULL, time_ms INTEGER NOT NULL, emails TEXT NOT NULL, phones TEXT NOT NULL, external_ids TEXT NOT NULL,"
        + " ttclid TEXT NOT NULL, ttp TEXT NOT NULL, ip TEXT NOT NULL, user_agent TEXT NOT NULL)");
    this.sql = new Sql(db, "touch log");
  }

  @Override
  public synchronized void append(List<Touch> touches) {
    sql.transaction(db -> {
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO touches (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Touch t : touches) {
          MatchKeys u = t.user();
          Sql.bind(insert, t.touchId(), t.advertiserId(), t.adId(), t.kind().name(), t.time().toEpochMilli(), String.join(",", u.emails()),
              String.join(",", u.phones()), String.join(",", u.externalIds()), u.ttclid(), u.ttp(), u.ip(), u.userAgent());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    });
  }

  @Override
  public synchronized List<LoggedTouch> read(long fromSeq, int max) {
    return sql.query("SELECT seq, " + COLUMNS + " FROM touches WHERE seq >= ? ORDER BY seq LIMIT ?", r -> new LoggedTouch(r.getLong(1),
        new Touch(r.getString(2), r.getString(3), r.getString(4), TouchKind.valueOf(r.getString(5)), Instant.ofEpochMilli(r.getLong(6)),
            new MatchKeys(list(r.getString(7)), list(r.getString(8)), list(r.getString(9)), r.getString(10), r.getString(11), r.getString(12),
                r.getString(13), Map.of()))), fromSeq, max);
  }

  @Override
  public synchronized void close() {
    sql.close();
  }

  private static List<String> list(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
