package io.truecount.store;

import io.truecount.store.jdbc.BatchRows;
import io.truecount.store.jdbc.GroupCommit;
import io.truecount.store.jdbc.RecentBatches;
import io.truecount.store.jdbc.StoreException;
import io.truecount.store.jdbc.Watermark;
import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogAppend;
import io.truecount.core.spi.LoggedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * The embedded event log on SQLite (WAL, synchronous=FULL). The {@link GroupCommit} thread writes
 * every waiting append as one compact batch row and commits once (one fsync for many requests). Readers use their own
 * connection and never block the writer; readers that keep up get the last commits from memory.
 */
public final class SqliteEventLog implements EventLog {
  private static final System.Logger LOG = System.getLogger(SqliteEventLog.class.getName());
  /** Events of the last commits kept for readers that keep up (a few MB; see {@link RecentBatches}). */
  private static final int RECENT_EVENTS = 8_192;
  private static final Duration CHECKPOINT_EVERY = Duration.ofMillis(500);
  /**
   * Log rows are group commits of up to megabytes. SQLite writes (and checkpoints) a blob page by
   * page, two system calls per WAL frame; with 4 KiB pages a 1,000-event batch was ~350 calls, and
   * 16–64 KiB pages made batches ~35 % faster here. But a small commit rewrites its whole last
   * page, and the fsync waits for it: with 16 KiB rather than 32 KiB a commit of single events took
   * 0.9–1.1 ms instead of 1.1–1.7 and single events rose by a third, for batches ~5 % slower
   * (twice the WAL frames; docs/benchmarks.md).
   */
  static final int PAGE_SIZE = 16 * 1024;
  /** A checkpoint pass that finds at most this many new frames (128 KiB) leaves the rest to the writer. */
  private static final int FINISH_AT_MOST_FRAMES = 8;
  private static final int MAX_CHECKPOINT_PASSES = 8;

  private final Connection writer;
  private final Connection reader;
  private final Connection checkpointer;
  private final Thread checkpoints;
  private final GroupCommit commits;
  private final Watermark next;
  /** Prepared once, used by the group-commit thread only. */
  private PreparedStatement insert;
  private final RecentBatches recent = new RecentBatches(RECENT_EVENTS);
  /** Counted down by {@link #close} so the checkpoint thread's pause ends at once. */
  private final CountDownLatch pause = new CountDownLatch(1);
  /** Set by the checkpoint thread after a round that left few frames; the writer then copies them ({@link #finishCheckpoint}). */
  private final AtomicBoolean checkpointToFinish = new AtomicBoolean();
  /** Checkpoint rounds the background thread has run (tests wait on them). */
  private final Watermark checkpointsRun = new Watermark(0);
  private volatile boolean running = true;

  /** {@code commitNanos} receives the duration of every commit (for the commit-latency metric). */
  public SqliteEventLog(Path file, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this.writer = Sqlite.open(file, PAGE_SIZE);
    Sqlite.execute(writer, "CREATE TABLE IF NOT EXISTS log_batches (first_seq INTEGER PRIMARY KEY, count INTEGER NOT NULL, payload BLOB NOT NULL)");
    // journal_size_limit stays unset (-1): SQLite would cut a WAL grown by a burst back in the
    // commit that starts it over, and cutting 130 MB took 90 ms here. The WAL keeps its largest
    // size and is overwritten from the start.
    Sqlite.execute(writer, "PRAGMA wal_autocheckpoint=0");
    this.reader = Sqlite.open(file);
    this.checkpointer = Sqlite.open(file);
    this.next = new Watermark(loadNextSeq());
    this.commits = new GroupCommit("truecount-log-writer", maxQueuedRequests, maxQueuedEvents, commitNanos, this::write);
    this.checkpoints = new Thread(this::checkpointLoop, "truecount-log-checkpoint");
    this.checkpoints.setDaemon(true);
    this.checkpoints.start();
  }

  /**
   * Moves WAL frames into the database file off the commit path (the writer never copies many,
   * so a commit is one WAL write + one fsync, without periodic multi-megabyte stalls). At most
   * one round per {@link #CHECKPOINT_EVERY}: checkpointing after every commit cost a second
   * fsync per commit and a third of the log's CPU under single-event load.
   */
  private void checkpointLoop() {
    long checkpointed = 0;
    boolean framesLeft = false;
    while (running) {
      try {
        if (!framesLeft) {
          next.awaitAbove(checkpointed, Duration.ofSeconds(1));
        }
        long reached = next.get();
        if (reached > checkpointed || framesLeft || !running) {
          framesLeft = !checkpointRoundOrWarn();
          checkpointed = reached;
          checkpointsRun.advanceTo(checkpointsRun.get() + 1);
          pause.await(CHECKPOINT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** A failed round is retried a pause later, like one that left frames. */
  private boolean checkpointRoundOrWarn() {
    try {
      return checkpointRound();
    } catch (StoreException e) {
      LOG.log(System.Logger.Level.WARNING, "WAL checkpoint failed (will retry): " + e.getMessage());
      return false;
    }
  }

  /**
   * Checkpoints until a pass finds few new frames, then leaves the rest to the writer ({@link
   * #finishCheckpoint}). A pass copies what was committed during the one before; while batches
   * arrive at disk speed, the first pass copies seconds' worth and the writer would stall for as long.
   *
   * @return false when frames are left uncopied (a reader held an older snapshot, or commits kept
   *     coming): the next round then runs even if nothing more is committed, so a burst's WAL is
   *     copied while the server is idle, not by the first round under the next load (seconds of
   *     writes competing with its commits)
   */
  private boolean checkpointRound() {
    long copiedBefore = 0;
    for (int pass = 0; pass < MAX_CHECKPOINT_PASSES; pass++) {
      Checkpoint done = Checkpoint.passive(checkpointer);
      if (!done.complete()) {
        return false; // a reader holds an older snapshot (or the writer is finishing the last round)
      }
      if (done.copied() - copiedBefore <= FINISH_AT_MOST_FRAMES) {
        checkpointToFinish.set(true);
        return true;
      }
      copiedBefore = done.copied();
    }
    return false;
  }

  @Override
  public CompletableFuture<Long> append(List<Event> events) {
    if (events.isEmpty()) {
      return CompletableFuture.completedFuture(next.get());
    }
    return commits.append(events);
  }

  @Override
  public List<LoggedEvent> read(long fromSeq, int max) {
    return recent.read(fromSeq, max).orElseGet(() -> readStored(fromSeq, max));
  }

  private List<LoggedEvent> readStored(long fromSeq, int max) {
    synchronized (reader) {
      try {
        return BatchRows.read(reader, fromSeq, max);
      } catch (SQLException e) {
        throw new StoreException("reading the event log failed: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public long nextSeq() {
    return next.get();
  }

  @Override
  public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    next.awaitAbove(fromSeq, max);
  }

  @Override
  public int pendingAppends() {
    return commits.pending();
  }

  @Override
  public void close() {
    commits.close();
    running = false;
    pause.countDown();
    checkpoints.interrupt();
    try {
      checkpoints.join(10_000);
      checkpointer.close();
      writer.close();
      synchronized (reader) {
        reader.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the event log: " + e.getMessage());
    }
  }

  private long loadNextSeq() {
    try (PreparedStatement select = writer.prepareStatement("SELECT COALESCE(MAX(first_seq + count), 1) FROM log_batches");
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 1;
    } catch (SQLException e) {
      throw new StoreException("reading the event log end failed: " + e.getMessage(), e);
    }
  }

  /**
   * Lets the next commit start the WAL over at its beginning. SQLite restarts the WAL only when a
   * checkpoint has copied every frame in it, but under steady load a commit lands while the
   * background checkpoint runs, so that never happened: the WAL grew by every commit (0.7–1.3 GB
   * in 50 s of single events; a restart after a crash reads all of it), and every fsync also had to
   * write the file's new size. The writer therefore copies the few frames committed during the
   * background round's last pass itself (no other writer can add any meanwhile; a stall of a few
   * ms); its next commit then overwrites the WAL from the start, and an fsync over written blocks
   * took ~0.2 ms here against ~0.37 ms for an append. A reader still reading an old snapshot only
   * defers the restart to a later round; nothing waits for it.
   */
  private void finishCheckpoint() {
    try {
      writer.setAutoCommit(true);
      Checkpoint.passive(writer);
    } catch (SQLException | StoreException e) {
      LOG.log(System.Logger.Level.WARNING, "finishing a WAL checkpoint failed (the WAL restarts after a later one): " + e.getMessage());
    }
  }

  long checkpointsRun() {
    return checkpointsRun.get();
  }

  /** Waits until the background thread has run {@code rounds} rounds in all; false when {@code max} passed first. */
  boolean awaitCheckpointRounds(long rounds, Duration max) throws InterruptedException {
    return checkpointsRun.awaitAbove(rounds - 1, max);
  }

  /** One group commit: one batch row, one transaction, one fsync. Runs on the group-commit thread only. */
  private long write(List<LogAppend> appends) throws SQLException {
    if (checkpointToFinish.getAndSet(false)) {
      finishCheckpoint();
    }
    long first = next.get();
    List<Event> events = new ArrayList<>();
    appends.forEach(a -> events.addAll(a.events()));
    writer.setAutoCommit(false);
    try {
      if (insert == null) {
        insert = writer.prepareStatement("INSERT INTO log_batches(first_seq, count, payload) VALUES (?, ?, ?)");
      }
      insert.setLong(1, first);
      insert.setInt(2, events.size());
      insert.setBytes(3, EventCodec.encodeGroup(appends));
      insert.executeUpdate();
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      rollback();
      throw e;
    }
    recent.add(first, events);
    next.advanceTo(first + events.size());
    return first;
  }

  private void rollback() {
    try {
      writer.rollback();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.ERROR, "rollback failed: " + e.getMessage());
    }
  }


}
