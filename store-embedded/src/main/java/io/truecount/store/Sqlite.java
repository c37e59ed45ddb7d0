package io.truecount.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import io.truecount.store.jdbc.StoreException;
import java.sql.Statement;

/** Opens SQLite connections the way the embedded store needs them: WAL, fsync on every commit. */
final class Sqlite {
  private Sqlite() {}

  /**
   * sqlite-jdbc otherwise matches every INSERT against a regex and runs {@code SELECT
   * last_insert_rowid()} after it (prepare, step, finalize): 4 % of the log writer's CPU under
   * single events. Nothing here asks for generated keys.
   */
  private static final Properties NO_GENERATED_KEYS = new Properties();

  static {
    NO_GENERATED_KEYS.setProperty("jdbc.get_generated_keys", "false");
  }

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
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), NO_GENERATED_KEYS);
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
