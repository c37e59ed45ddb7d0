package io.truecount.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.testkit.EventLogContract;
import io.truecount.testkit.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SqliteEventLogTest extends EventLogContract {
  @Override
  protected EventLog open(Path dir) {
    return new SqliteEventLog(dir.resolve("log.db"), 1024, 1_000_000, nanos -> {});
  }

  @Test
  void a_new_log_file_has_large_pages_for_its_large_rows() throws Exception {
    open(dir).close();
    assertThat(pageSize(dir.resolve("log.db"))).isEqualTo(SqliteEventLog.PAGE_SIZE);
  }

  @Test
  void a_log_created_with_small_pages_keeps_them_and_keeps_working() throws Exception {
    Path file = dir.resolve("log.db");
    try (Connection old = Sqlite.schema(file, "CREATE TABLE log_batches (first_seq INTEGER PRIMARY KEY, count INTEGER NOT NULL, payload BLOB NOT NULL)")) {
      assertThat(pageSize(file)).isEqualTo(Sqlite.DEFAULT_PAGE_SIZE);
    }
    try (EventLog log = open(dir)) {
      log.append(List.of(Events.event("Purchase").id("p1").at(Instant.parse("2026-03-08T02:30:00Z")).build())).get();
      assertThat(log.read(1, 10)).extracting(LoggedEvent::seq).containsExactly(1L);
    }
    assertThat(pageSize(file)).isEqualTo(Sqlite.DEFAULT_PAGE_SIZE);
  }

  /**
   * Every time the writer starts the WAL over (after a checkpoint round copied all of it), SQLite
   * bumps the checkpoint sequence number in the WAL's header. Counting those is the property
   * itself; the WAL's size was only a proxy for it and depended on how promptly the checkpoint
   * thread was scheduled on a busy machine (it once failed right after a benchmark run).
   */
  @Test
  void the_wal_starts_over_under_steady_commits_instead_of_growing_with_every_one() throws Exception {
    Path wal = dir.resolve("log.db-wal");
    try (SqliteEventLog log = (SqliteEventLog) open(dir)) {
      log.append(List.of(Events.event("Purchase").id("first").build())).get(10, TimeUnit.SECONDS);
      long before = walCheckpointSequence(wal);
      long commits = commitUntilRounds(log, 6);
      long restarts = walCheckpointSequence(wal) - before;
      assertThat(restarts).as("times the WAL started over during %d commits and 6 checkpoint rounds", commits).isGreaterThanOrEqualTo(3);
    }
  }

  /** The checkpoint sequence number of a WAL file's header (big-endian, bytes 12–15). */
  private static long walCheckpointSequence(Path wal) throws Exception {
    try (java.io.DataInputStream in = new java.io.DataInputStream(Files.newInputStream(wal))) {
      in.skipNBytes(12);
      return Integer.toUnsignedLong(in.readInt());
    }
  }

  @Test
  void a_reader_holding_an_old_snapshot_never_holds_up_commits() throws Exception {
    try (SqliteEventLog log = (SqliteEventLog) open(dir)) {
      log.append(List.of(Events.event("Purchase").id("first").build())).get(10, TimeUnit.SECONDS);
      try (Connection reader = pinningReader(dir.resolve("log.db"))) {
        commitUntilRounds(log, 3);
        reader.rollback();
      }
      assertThat(log.read(1, 100_000)).hasSizeGreaterThan(1);
    }
  }

  /**
   * A round that leaves frames (here pinned by a reader) is followed by more rounds even when
   * nothing more is committed: a burst's WAL is copied while the server is idle rather than under
   * the next load. Before, rounds ran only after new commits.
   */
  @Test
  void frames_a_round_left_are_copied_while_nothing_more_is_committed() throws Exception {
    Path file = dir.resolve("log.db");
    try (SqliteEventLog log = (SqliteEventLog) open(dir)) {
      log.append(List.of(Events.event("Purchase").id("first").build())).get(10, TimeUnit.SECONDS);
      long payload;
      try (Connection reader = pinningReader(file)) {
        commitUntilRounds(log, 2);
        // far more bytes than the file's first pages hold, however few commits the rounds took
        log.append(manyEvents(2_000)).get(10, TimeUnit.SECONDS);
        // one more round while pinned, so every commit is behind a round that could not copy it
        assertThat(log.awaitCheckpointRounds(log.checkpointsRun() + 1, Duration.ofSeconds(10))).isTrue();
        payload = payloadBytes(file);
        assertThat(Files.size(file)).as("database file while the reader pins the WAL").isLessThan(payload);
        reader.rollback();
      }
      long round = log.checkpointsRun();
      while (Files.size(file) < payload) {
        assertThat(log.awaitCheckpointRounds(++round, Duration.ofSeconds(10))).as("checkpoint round %d, with no commits", round).isTrue();
      }
    }
  }

  private static List<Event> manyEvents(int count) {
    return IntStream.range(0, count).mapToObj(i -> Events.event("Purchase").id("bulk" + i).at(Instant.parse("2026-03-08T02:30:00Z")).build()).toList();
  }

  /** A connection in a read transaction: it pins the WAL as it is until it rolls back. */
  private static Connection pinningReader(Path file) throws Exception {
    Connection reader = Sqlite.open(file);
    reader.setAutoCommit(false);
    try (Statement s = reader.createStatement(); ResultSet rows = s.executeQuery("SELECT count(*) FROM log_batches")) {
      rows.next();
    }
    return reader;
  }

  private static long payloadBytes(Path file) throws Exception {
    try (Connection db = Sqlite.open(file); Statement s = db.createStatement(); ResultSet rows = s.executeQuery("SELECT sum(length(payload)) FROM log_batches")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Commits one event at a time, back to back, until the checkpoint thread has run {@code rounds} more rounds; returns the commits. */
  private static long commitUntilRounds(SqliteEventLog log, int rounds) throws Exception {
    long until = log.checkpointsRun() + rounds;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long commits = 0;
    while (log.checkpointsRun() < until) {
      assertThat(System.nanoTime()).as("%d checkpoint rounds within 60 s", rounds).isLessThan(deadline);
      log.append(List.of(Events.event("Purchase").id("p" + commits++).at(Instant.parse("2026-03-08T02:30:00Z")).build())).get(10, TimeUnit.SECONDS);
    }
    return commits;
  }

  private static int pageSize(Path file) throws Exception {
    try (Connection db = Sqlite.open(file); Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA page_size")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
