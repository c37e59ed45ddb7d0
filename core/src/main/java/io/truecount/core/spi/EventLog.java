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
 *
 * <p>A log may have several partitions ({@link Seqs}): an advertiser's events are all in one, in
 * order; the embedded logs have one partition, numbered densely from 1.
 */
public interface EventLog extends AutoCloseable {

  /** Completes with the sequence number given to the first of {@code events}. */
  CompletableFuture<Long> append(List<Event> events);

  /** Up to {@code max} events of {@code fromSeq}'s partition with {@code seq >= fromSeq}, in order. */
  List<LoggedEvent> read(long fromSeq, int max);

  /** The sequence number the next appended event will get (1 for an empty log); of partition 0 for a partitioned log. */
  long nextSeq();

  /** How many partitions the log has. */
  default int partitions() {
    return 1;
  }

  /** The lowest sequence number {@code partition} can hold. */
  default long firstSeq(int partition) {
    return 1;
  }

  /** The sequence number of the last durable event of {@code partition}; below {@link #firstSeq} when it has none. */
  default long lastSeq(int partition) {
    return nextSeq() - 1;
  }

  /**
   * This node's reader of the log. A one-partition log is all this node's: it reads from where
   * {@code listener} resumes partition 0. A log shared by a cluster assigns each partition to one
   * node and tells the listener when that changes; {@code node} is this node's name there (the
   * URL other nodes reach it at, as {@link #owners} reports it).
   */
  default LogSubscription subscribe(String node, PartitionListener listener) {
    return new SequentialSubscription(this, listener);
  }

  /** Blocks until an event of {@code fromSeq}'s partition with {@code seq >= fromSeq} is durable, or {@code max} elapses. */
  void awaitAppended(long fromSeq, Duration max) throws InterruptedException;

  /**
   * For a log shared by a cluster, which node (by name: its advertised URL) processes each
   * partition now; empty when this node processes the whole log.
   */
  default java.util.Map<Integer, String> owners() {
    return java.util.Map.of();
  }

  /** Appends waiting for their commit (for the queue-depth gauge). */
  int pendingAppends();

  @Override
  void close();
}
