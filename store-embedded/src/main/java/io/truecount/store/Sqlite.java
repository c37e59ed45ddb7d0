package io.truecount.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import io.truecount.store.jdbc.StoreException;
import java.sql.Statement;

/** Opens SQLite connections the way the embedded store needs them: WAL, fsync on every commit. */
final class Sqlite {
  private Sqlite() {}

  /** SQLite's default page size, right for tables of small rows. */
  static final int DEFAULT_PAGE_SIZE = 4096;

  static Connection open(Path file) {
    return open(file, DEFAULT_PAGE_SIZE);
  }

  /**
   * @param pageSize the page size of a database this call creates (an existing file keeps the one
   *     it was created with)
   */
  static Connection open(Path file, int pageSize) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA page_size=" + pageSize);
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=10000");
        s.execute("PRAGMA foreign_keys=ON");
      }
      return connection;
    } catch (SQLException | java.io.IOException e) {
      throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens the file and creates its tables when missing. */
  static Connection schema(Path file, String... statements) {
    Connection db = open(file);
    execute(db, statements);
    return db;
  }

  static void execute(Connection connection, String... statements) {
    try (Statement s = connection.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new StoreException("schema statement failed: " + e.getMessage(), e);
    }
  }
}
