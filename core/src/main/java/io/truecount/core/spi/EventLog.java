package io.truecount.core.spi;

import io.truecount.core.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The system of record: append-only, ordered, durable. Every later stage reads it in order.
 *
 * <p>{@link #append} completes only once the events are durable (fsync'd or replicated); many
 * concurrent appends may share one commit. When the writer cannot keep up, append fails at once
 * with {@link LogOverloadedException} instead of queueing without limit.
 */
public interface EventLog extends AutoCloseable {

  /** Completes with the sequence number given to the first of {@code events}. */
  CompletableFuture<Long> append(List<Event> events);

  /** Up to {@code max} events with {@code seq >= fromSeq}, in order. */
  List<LoggedEvent> read(long fromSeq, int max);

  /** The sequence number the next appended event will get (1 for an empty log). */
  long nextSeq();

  /** Blocks until an event with {@code seq >= fromSeq} is durable, or {@code max} elapses. */
  void awaitAppended(long fromSeq, Duration max) throws InterruptedException;

  /** Appends waiting for their commit (for the queue-depth gauge). */
  int pendingAppends();

  @Override
  void close();
}
