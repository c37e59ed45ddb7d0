package io.truecount.store.pg;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogAppend;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.store.jdbc.BatchRows;
import io.truecount.store.jdbc.GroupCommit;
import io.truecount.store.jdbc.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The event log on PostgreSQL, safe with several nodes appending: a group commit takes a
 * transaction-scoped advisory lock, reads the log's end, inserts one compact batch row and
 * commits (WAL flushed before the acknowledgement), so sequence numbers are dense and become
 * visible in order on every node. Commits send {@code NOTIFY truecount_log}; readers waiting for
 * new events {@code LISTEN} instead of polling.
 */
final class PostgresEventLog implements EventLog {
  private static final long LOCK = 0x7275_6563_6f75_6eL;
  private static final String CHANNEL = "truecount_log";
  private static final String APPEND = "SELECT pg_advisory_xact_lock(?); "
      + "INSERT INTO log_batches (first_seq, count, payload) SELECT COALESCE((SELECT first_seq + count FROM log_batches ORDER BY first_seq DESC LIMIT 1), 1), ?, ? "
      + "RETURNING first_seq; NOTIFY " + CHANNEL;
  private static final System.Logger LOG = System.getLogger(PostgresEventLog.class.getName());

  private final DataSource pool;
  private final Connection writer;
  private final Connection listener;
  private final GroupCommit commits;

  PostgresEventLog(DataSource pool, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this.pool = pool;
    try {
      this.writer = pool.getConnection();
      this.listener = pool.getConnection();
      try (Statement listen = listener.createStatement()) {
        listen.execute("LISTEN " + CHANNEL);
      }
    } catch (SQLException e) {
      throw new StoreException("opening the PostgreSQL event log failed: " + e.getMessage(), e);
    }
    this.commits = new GroupCommit("truecount-log-writer", maxQueuedRequests, maxQueuedEvents, commitNanos, this::write);
  }

  @Override
  public CompletableFuture<Long> append(List<Event> events) {
    return events.isEmpty() ? CompletableFuture.completedFuture(nextSeq()) : commits.append(events);
  }

  /**
   * One group commit in one round trip; runs on the group-commit thread only. The three statements
   * run as one implicit transaction: the lock serializes appenders of every node, the insert reads
   * the log's end with a snapshot taken after the lock, and the commit flushes the WAL.
   */
  private long write(List<LogAppend> appends) throws SQLException {
    try (PreparedStatement append = writer.prepareStatement(APPEND)) {
      append.setLong(1, LOCK);
      append.setInt(2, appends.stream().mapToInt(LogAppend::size).sum());
      append.setBytes(3, EventCodec.encodeGroup(appends));
      append.execute();
      while (!append.getMoreResults() && append.getUpdateCount() != -1) {
        // skip to the insert's RETURNING result
      }
      try (ResultSet first = append.getResultSet()) {
        first.next();
        return first.getLong(1);
      }
    }
  }

  @Override
  public List<LoggedEvent> read(long fromSeq, int max) {
    try (Connection db = pool.getConnection()) {
      return BatchRows.read(db, fromSeq, max);
    } catch (SQLException e) {
      throw new StoreException("reading the event log failed: " + e.getMessage(), e);
    }
  }

  /** The log's end as every node sees it (other nodes append too): read from the table, which holds every committed append. */
  @Override
  public long nextSeq() {
    return end();
  }

  @Override
  public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (nextSeq() <= fromSeq) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      synchronized (listener) {
        try {
          listener.unwrap(PGConnection.class).getNotifications((int) Math.min(left, 1000));
        } catch (SQLException e) {
          throw new StoreException("waiting for the event log failed: " + e.getMessage(), e);
        }
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  @Override
  public int pendingAppends() {
    return commits.pending();
  }

  @Override
  public void close() {
    commits.close();
    try {
      writer.close();
      synchronized (listener) {
        listener.close();
      }
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the event log: " + e.getMessage());
    }
  }

  private long end() {
    try (Connection db = pool.getConnection()) {
      return end(db);
    } catch (SQLException e) {
      throw new StoreException("reading the event log end failed: " + e.getMessage(), e);
    }
  }

  private static long end(Connection db) throws SQLException {
    try (PreparedStatement select = db.prepareStatement("SELECT first_seq + count FROM log_batches ORDER BY first_seq DESC LIMIT 1");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 1;
    }
  }
}
