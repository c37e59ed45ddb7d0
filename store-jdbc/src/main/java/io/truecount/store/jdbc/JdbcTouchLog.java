package io.truecount.store.jdbc;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.spi.TouchLog;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The touch log over SQL: one row per touch, durable per append. Hashed keys only. */
public class JdbcTouchLog implements TouchLog {
  private static final String COLUMNS = "touch_id, advertiser_id, ad_id, kind, time_ms, emails, phones, external_ids, ttclid, ttp, ip, user_agent";

  private final Sql sql;

  public JdbcTouchLog(Sql sql) {
    this.sql = sql;
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
