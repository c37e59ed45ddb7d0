package io.truecount.core.pipeline;

import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogSubscription;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.core.spi.PartitionListener;
import io.truecount.core.spi.Seqs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the log on its own thread, each partition this node processes in order: test events to
 * {@link TestEvents}, live events through {@link Dedup} to the live stages. Its state is a pure
 * function of the partitions it has read, rebuilt by replaying them from the start.
 *
 * <p>When a cluster moves a partition away and later back, this node resumes it where it stopped
 * (its state for the partition's advertisers is still that of the partition up to there), so no
 * event counts twice and no state needs handing over.
 */
public final class LogConsumer implements AutoCloseable, PartitionListener {
  private static final System.Logger LOG = System.getLogger(LogConsumer.class.getName());
  /**
   * How long the reader pauses after a batch once it has (nearly) caught up, so a trickle of single
   * events is processed in runs of a hundred or so instead of one group commit at a time: the
   * stages' maps stay in cache and the thread wakes ~200 times a second instead of at every commit
   * (single events: the pipeline's CPU an event fell from ~7.0 to ~6.1 µs, docs/benchmarks.md).
   * Test Events and the reports see an event at most this much later.
   */
  static final Duration LINGER = Duration.ofMillis(5);
  /**
   * With this much lag or more (the batch just read included) the reader is behind and reads on at
   * once, however small its batches (a Kafka poll returns 16 group commits, maybe 16 events).
   */
  static final int LINGER_BELOW = 512;

  private final EventLog log;
  private final Dedup dedup;
  private final TestEvents testEvents;
  private final LiveStage live;
  private final Thread thread;
  private final Object progress = new Object();
  /** The last sequence number processed, by partition (absent: none yet). */
  private final Map<Integer, Long> processed = new ConcurrentHashMap<>();
  private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
  private volatile LogSubscription subscription;
  private volatile boolean running = true;
  private volatile String node = "";
  private volatile long failures;
  private volatile long pauses;

  public LogConsumer(EventLog log, Dedup dedup, TestEvents testEvents, LiveStage live) {
    this(log, dedup, testEvents, live, Thread::new);
  }

  /** {@code threads} makes the reading thread (the server's runs at a low CPU priority). */
  public LogConsumer(EventLog log, Dedup dedup, TestEvents testEvents, LiveStage live, ThreadFactory threads) {
    this.log = log;
    this.dedup = dedup;
    this.testEvents = testEvents;
    this.live = live;
    this.thread = threads.newThread(this::run);
    this.thread.setName("truecount-pipeline");
    this.thread.setDaemon(true);
  }

  public LogConsumer start() {
    return start("");
  }

  /** Starts reading; {@code node} names this node in a cluster (the URL other nodes reach it at). */
  public LogConsumer start(String node) {
    this.node = node;
    thread.start();
    return this;
  }

  /** The last sequence number processed in {@code partition}. */
  public long processed(int partition) {
    return processed.getOrDefault(partition, log.firstSeq(partition) - 1);
  }

  /** The partitions this node processes now. */
  public Set<Integer> owned() {
    return Set.copyOf(owned);
  }

  /**
   * Whether this node answers for {@code partition}: it processes it and has read it to the end
   * at least once since it got it (a node replaying a partition it just took over does not).
   */
  public boolean serves(int partition) {
    LogSubscription s = subscription;
    return owned.contains(partition) && s != null && s.caughtUp(partition);
  }

  /** Times a stage failed on an event (a bug: logged, counted; the other stages still get the event). */
  public long failures() {
    return failures;
  }

  /** The times the reader has paused after a batch ({@link #LINGER}). */
  long pauses() {
    return pauses;
  }

  /** Durable but not yet processed: events (records, for a log that numbers by record). */
  public long lag() {
    LogSubscription s = subscription;
    return s == null ? 0 : s.lag();
  }

  @Override
  public long assigned(int partition) {
    synchronized (progress) {
      owned.add(partition);
      progress.notifyAll();
    }
    LOG.log(System.Logger.Level.INFO, "processing log partition " + partition + " from #" + (processed(partition) + 1));
    return processed(partition) + 1;
  }

  @Override
  public void revoked(int partition) {
    owned.remove(partition);
    LOG.log(System.Logger.Level.INFO, "log partition " + partition + " moved to another node after #" + processed(partition));
  }

  /** Blocks until every event up to {@code seq} (of its partition) is processed; false on timeout. */
  public boolean awaitProcessed(long seq, Duration max) throws InterruptedException {
    int partition = Seqs.partition(seq);
    return awaitUntil(() -> processed(partition) >= seq, System.nanoTime() + max.toNanos());
  }

  /**
   * Blocks until this node processes some partitions, answers for each (read to its end once), and
   * has processed every event durable in them now; false on timeout.
   */
  public boolean awaitCaughtUp(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    if (!awaitUntil(() -> !owned.isEmpty() && owned.stream().allMatch(this::serves), deadline)) {
      return false;
    }
    for (int partition : owned()) {
      long last = log.lastSeq(partition);
      if (!awaitUntil(() -> processed(partition) >= last, deadline)) {
        return false;
      }
    }
    return true;
  }

  private boolean awaitUntil(java.util.function.BooleanSupplier done, long deadline) throws InterruptedException {
    synchronized (progress) {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
    }
    return true;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    try (LogSubscription s = log.subscribe(node, this)) {
      subscription = s;
      while (running) {
        List<LoggedEvent> batch = s.poll(Duration.ofMillis(200));
        process(batch);
        advance(batch);
        if (!batch.isEmpty() && s.lag() < LINGER_BELOW) {
          pauses++;
          LockSupport.parkNanos(LINGER.toNanos()); // returns at once when close() interrupts
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (running) {
        LOG.log(System.Logger.Level.ERROR, "the pipeline stopped reading the log", e);
      }
    }
  }

  /** Test events to Test Events; live ones through dedup, in order, then through the live stages together. */
  private void process(List<LoggedEvent> batch) {
    List<ProcessedEvent> liveEvents = new ArrayList<>(batch.size());
    for (LoggedEvent logged : batch) {
      try {
        if (logged.event().isTest()) {
          testEvents.accept(logged);
        } else {
          liveEvents.add(new ProcessedEvent(logged.seq(), logged.event(), dedup.decide(logged.seq(), logged.event())));
        }
      } catch (RuntimeException e) {
        failed(logged.seq(), e);
      }
    }
    live.acceptAll(liveEvents, (event, e) -> failed(event.seq(), e));
  }

  private void failed(long seq, RuntimeException e) {
    failures++;
    LOG.log(System.Logger.Level.ERROR, "pipeline stage failed on event #" + seq + "; that stage skipped it", e);
  }

  private void advance(List<LoggedEvent> batch) {
    synchronized (progress) {
      for (LoggedEvent e : batch) {
        processed.put(Seqs.partition(e.seq()), e.seq());
      }
      progress.notifyAll();
    }
  }
}
