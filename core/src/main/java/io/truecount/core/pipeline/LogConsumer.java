package io.truecount.core.pipeline;

import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import java.time.Duration;
import java.util.List;

/**
 * Reads the log in order on its own thread: test events to {@link TestEvents}, live events
 * through {@link Dedup} to the live stages. Its state is a pure function of the log, rebuilt by
 * replaying it from the start.
 */
public final class LogConsumer implements AutoCloseable {
  private static final int BATCH = 4096;
  private static final System.Logger LOG = System.getLogger(LogConsumer.class.getName());

  private final EventLog log;
  private final Dedup dedup;
  private final TestEvents testEvents;
  private final LiveStage live;
  private final Thread thread;
  private final Object progress = new Object();
  private volatile long processed;
  private volatile boolean running = true;
  private volatile long failures;

  public LogConsumer(EventLog log, Dedup dedup, TestEvents testEvents, LiveStage live) {
    this.log = log;
    this.dedup = dedup;
    this.testEvents = testEvents;
    this.live = live;
    this.thread = new Thread(this::run, "truecount-pipeline");
    this.thread.setDaemon(true);
  }

  public LogConsumer start() {
    thread.start();
    return this;
  }

  /** The last sequence number fully processed. */
  public long processed() {
    return processed;
  }

  /** Events a stage failed on (a bug: logged, skipped, counted). */
  public long failures() {
    return failures;
  }

  /** Events durable in the log but not yet processed. */
  public long lag() {
    return Math.max(0, log.nextSeq() - 1 - processed);
  }

  /** Blocks until every event up to {@code seq} is processed; false on timeout. */
  public boolean awaitProcessed(long seq, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (progress) {
      while (processed < seq) {
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
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try {
        List<LoggedEvent> batch = log.read(processed + 1, BATCH);
        if (batch.isEmpty()) {
          log.awaitAppended(processed + 1, Duration.ofMillis(200));
          continue;
        }
        batch.forEach(this::process);
        advance(batch.get(batch.size() - 1).seq());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void process(LoggedEvent logged) {
    try {
      route(logged);
    } catch (RuntimeException e) {
      failures++;
      LOG.log(System.Logger.Level.ERROR, "pipeline stage failed on event #" + logged.seq() + "; skipped", e);
    }
  }

  private void route(LoggedEvent logged) {
    if (logged.event().isTest()) {
      testEvents.accept(logged);
    } else {
      live.accept(new ProcessedEvent(logged.seq(), logged.event(), dedup.decide(logged.seq(), logged.event())));
    }
  }

  private void advance(long seq) {
    synchronized (progress) {
      processed = seq;
      progress.notifyAll();
    }
  }
}
