package io.truecount.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Prepared statements only, over one connection (SQLite: one per file) or a pool (PostgreSQL);
 * failures become {@link StoreException}s naming the store.
 */
public final class Sql {
  /** Maps one result row. */
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  /** Work inside one transaction. */
  public interface Work {
    void run(Connection db) throws SQLException;
  }

  /** Where connections come from and go back to. */
  private interface Connections {
    Connection borrow() throws SQLException;

    void giveBack(Connection c) throws SQLException;

    void close() throws Exception;
  }

  private final Connections connections;
  private final String store;

  private Sql(Connections connections, String store) {
    this.connections = connections;
    this.store = store;
  }

  /** Every statement on this one connection (the caller serializes use); close closes it. */
  public static Sql single(Connection db, String store) {
    return new Sql(new Connections() {
      @Override
      public Connection borrow() {
        return db;
      }

      @Override
      public void giveBack(Connection c) {}

      @Override
      public void close() throws SQLException {
        db.close();
      }
    }, store);
  }

  /** A connection from the pool per statement or transaction; close closes the pool. */
  public static Sql pooled(DataSource pool, AutoCloseable closePool, String store) {
    return new Sql(new Connections() {
      @Override
      public Connection borrow() throws SQLException {
        return pool.getConnection();
      }

      @Override
      public void giveBack(Connection c) throws SQLException {
        c.close();
      }

      @Override
      public void close() throws Exception {
        closePool.close();
      }
    }, store);
  }

  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      Connection db = connections.borrow();
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        bind(statement, args);
        List<T> out = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            out.add(mapper.map(rows));
          }
        }
        return out;
      } finally {
        connections.giveBack(db);
      }
    } catch (SQLException e) {
      throw new StoreException(store + " query failed: " + e.getMessage(), e);
    }
  }

  /** One statement in its own transaction; returns the number of rows it changed. */
  public int update(String sql, Object... args) {
    int[] changed = new int[1];
    transaction(db -> {
      try (PreparedStatement statement = db.prepareStatement(sql)) {
        bind(statement, args);
        changed[0] = statement.executeUpdate();
      }
    });
    return changed[0];
  }

  /** Runs {@code work} in one transaction: committed (durable) on return, rolled back on failure. */
  public void transaction(Work work) {
    try {
      Connection db = connections.borrow();
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
      } finally {
        connections.giveBack(db);
      }
    } catch (SQLException e) {
      throw new StoreException(store + " transaction failed: " + e.getMessage(), e);
    }
  }

  public void close() {
    try {
      connections.close();
    } catch (Exception e) {
      throw new StoreException("closing the " + store + " failed: " + e.getMessage(), e);
    }
  }

  /** {@code INSERT ... ON CONFLICT (key) DO UPDATE}: the same statement on SQLite (3.24+) and PostgreSQL. */
  public static String upsert(String table, String columns, String key) {
    String[] cols = columns.split(",\\s*");
    java.util.List<String> keys = java.util.List.of(key.split(",\\s*"));
    StringBuilder set = new StringBuilder();
    for (String c : cols) {
      if (!keys.contains(c)) {
        set.append(set.length() == 0 ? "" : ", ").append(c).append(" = excluded.").append(c);
      }
    }
    return "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(cols.length - 1) + "?) ON CONFLICT (" + key + ") DO UPDATE SET " + set;
  }

  public static void bind(PreparedStatement statement, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  public static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  public static Instant instant(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(value);
  }
}
