package io.truecount.core.spi;

import java.time.Duration;
import java.util.List;

/** Reads a one-partition log from where the listener says, in steps: the whole log is this node's. */
final class SequentialSubscription implements LogSubscription {
  private static final int BATCH = 4096;

  private final EventLog log;
  private final PartitionListener listener;
  private volatile long next = -1;
  /** Where the next read starts once the events returned last are processed (set when poll is called again). */
  private volatile long processedUpTo = -1;
  private volatile boolean caughtUp;

  SequentialSubscription(EventLog log, PartitionListener listener) {
    this.log = log;
    this.listener = listener;
  }

  @Override
  public List<LoggedEvent> poll(Duration max) throws InterruptedException {
    if (next < 0) {
      next = listener.assigned(0);
    }
    processedUpTo = next;
    caughtUp |= lag() == 0;
    List<LoggedEvent> batch = log.read(next, BATCH);
    if (batch.isEmpty()) {
      log.awaitAppended(next, max);
      return batch;
    }
    next = batch.get(batch.size() - 1).seq() + 1;
    return batch;
  }

  @Override
  public long lag() {
    return processedUpTo < 0 ? 0 : Math.max(0, log.nextSeq() - processedUpTo);
  }

  @Override
  public boolean caughtUp(int partition) {
    return partition == 0 && caughtUp;
  }

  @Override
  public void close() {}
}
