package io.truecount.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * One node's reader of the log: the events of the partitions it processes, each partition in
 * order. Used by one thread.
 */
public interface LogSubscription extends AutoCloseable {
  /**
   * The next events, waiting at most {@code max} when there are none. Calling it again means the
   * events it returned before are processed: {@link #lag} and {@link #caughtUp} count from there.
   */
  List<LoggedEvent> poll(Duration max) throws InterruptedException;

  /** Durable but not yet processed: events, or records (group commits) for a log that numbers by record. */
  long lag();

  /**
   * Whether, since this node got {@code partition}, a poll has found every event the partition
   * then held processed (false while this node replays a partition it was just given, or before
   * it knows; then true until the partition is taken away).
   */
  boolean caughtUp(int partition);

  @Override
  void close();
}
