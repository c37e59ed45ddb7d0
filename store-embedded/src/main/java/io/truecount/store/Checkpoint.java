package io.truecount.store;

import io.truecount.store.jdbc.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The outcome of one passive WAL checkpoint.
 *
 * @param frames the frames in the WAL when the pass began
 * @param copied the frames of the WAL in the database file once it ended (all when {@link #complete})
 */
record Checkpoint(boolean busy, long frames, long copied) {
  boolean complete() {
    return !busy && copied == frames;
  }

  /** Copies what no reader still needs, without waiting for readers or the writer. */
  static Checkpoint passive(Connection db) {
    try (Statement s = db.createStatement(); ResultSet row = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      row.next();
      return new Checkpoint(row.getInt(1) != 0, row.getLong(2), row.getLong(3));
    } catch (SQLException e) {
      throw new StoreException("WAL checkpoint failed: " + e.getMessage(), e);
    }
  }
}
