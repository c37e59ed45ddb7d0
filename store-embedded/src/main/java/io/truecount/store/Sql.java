package io.truecount.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Prepared-statement helpers over one SQLite connection; failures become {@link StoreException}s naming the store. */
final class Sql {
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  interface Work {
    void run(Connection db) throws SQLException;
  }

  private final Connection db;
  private final String store;

  Sql(Connection db, String store) {
    this.db = db;
    this.store = store;
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          out.add(mapper.map(rows));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(store + " query failed: " + e.getMessage(), e);
    }
  }

  void update(String sql, Object... args) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      bind(statement, args);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException(store + " update failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: committed (fsync'd) on return, rolled back on failure. */
  void transaction(Work work) {
    try {
      db.setAutoCommit(false);
      try {
        work.run(db);
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(store + " transaction failed: " + e.getMessage(), e);
    }
  }

  void close() {
    try {
      db.close();
    } catch (SQLException e) {
      throw new StoreException("closing the " + store + " failed: " + e.getMessage(), e);
    }
  }

  static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  static Instant instant(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(value);
  }
}
