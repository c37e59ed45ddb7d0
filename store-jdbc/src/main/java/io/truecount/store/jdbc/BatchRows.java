package io.truecount.store.jdbc;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.LoggedEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The log's row format, shared by both stores: one row per group commit, its first sequence number and the encoded events. */
public final class BatchRows {
  private BatchRows() {}

  /**
   * The events with {@code seq >= fromSeq}, at most {@code max}, in log order, from {@code
   * log_batches}. Only the rows that can hold seq fromSeq .. fromSeq+max-1 are selected: a driver
   * may fetch a whole result set (PostgreSQL's does), and a row-count limit alone fetched ~80 times
   * the events needed (replay ran at 14k/s).
   */
  public static List<LoggedEvent> read(Connection db, long fromSeq, int max) throws SQLException {
    List<LoggedEvent> out = new ArrayList<>();
    try (PreparedStatement select = db.prepareStatement("SELECT first_seq, payload FROM log_batches WHERE first_seq >= "
        + "(SELECT COALESCE(MAX(first_seq), 0) FROM log_batches WHERE first_seq <= ?) AND first_seq < ? ORDER BY first_seq")) {
      select.setLong(1, fromSeq);
      select.setLong(2, fromSeq + Math.max(1, max));
      try (ResultSet rows = select.executeQuery()) {
        while (out.size() < max && rows.next()) {
          unpack(rows.getLong(1), rows.getBytes(2), fromSeq, max, out);
        }
      }
    }
    return out;
  }

  /** Adds the events of one row with {@code seq >= fromSeq} to {@code out}, until it holds {@code max}. */
  public static void unpack(long firstSeq, byte[] payload, long fromSeq, int max, List<LoggedEvent> out) {
    List<Event> events = EventCodec.decode(payload);
    for (int i = 0; i < events.size() && out.size() < max; i++) {
      if (firstSeq + i >= fromSeq) {
        out.add(new LoggedEvent(firstSeq + i, events.get(i)));
      }
    }
  }
}
