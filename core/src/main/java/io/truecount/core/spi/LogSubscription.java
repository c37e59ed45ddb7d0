package io.truecount.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * One node's reader of the log: the events of the partitions it processes, each partition in
 * order. Used by one thread.
 */
public interface LogSubscription extends AutoCloseable {
  /** The next events, waiting at most {@code max} when there are none. */
  List<LoggedEvent> poll(Duration max) throws InterruptedException;

  /** Durable but not yet returned: events, or records (group commits) for a log that numbers by record. */
  long lag();

  /**
   * Whether this node has read {@code partition} up to the end the log had at its latest poll
   * (false while it replays a partition it was just given, or before it knows).
   */
  boolean caughtUp(int partition);

  @Override
  void close();
}
