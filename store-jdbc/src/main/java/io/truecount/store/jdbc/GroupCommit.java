package io.truecount.store.jdbc;

import io.truecount.core.Event;
import io.truecount.core.spi.LogAppend;
import io.truecount.core.spi.LogOverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Group commit for an event log: one writer thread takes every append waiting in a bounded queue,
 * hands them to the writer as one batch (one durable commit for many requests), then completes
 * their futures with their sequence numbers. A full queue refuses at once ({@link
 * LogOverloadedException}) instead of queueing without limit. A large append is encoded by the
 * thread that appends it ({@link LogAppend#of}), so the one writer thread mostly copies bytes.
 *
 * <p>A {@link Writer} commits synchronously, one group at a time. An {@link AsyncWriter} (a
 * replicated log whose commit is a network round trip) may have several groups in flight; it
 * must make them durable in the order it was given them.
 */
public final class GroupCommit implements AutoCloseable {
  private static final int MAX_EVENTS_PER_COMMIT = 20_000;
  private static final System.Logger LOG = System.getLogger(GroupCommit.class.getName());

  /** Writes one batch (the appends' events in order) durably and returns the sequence number of its first event. */
  public interface Writer {
    long write(List<LogAppend> appends) throws Exception;
  }

  /** Starts writing one batch; completes with the sequence number of its first event once durable. */
  public interface AsyncWriter {
    CompletableFuture<Long> write(List<LogAppend> appends);
  }

  /**
   * Starts writing one group of appends; each future completes with its append's first sequence
   * number once durable (a partitioned log writes one record per partition, so parts of a group
   * may succeed alone). Appends to one partition must become durable in the order given.
   */
  public interface GroupWriter {
    List<CompletableFuture<Long>> write(List<LogAppend> appends);
  }

  private record Pending(LogAppend append, CompletableFuture<Long> done) {}

  private final BlockingQueue<Pending> queue;
  private final AtomicLong queuedEvents = new AtomicLong();
  private final long maxQueuedEvents;
  private final LongConsumer commitNanos;
  private final GroupWriter writer;
  private final int maxInFlight;
  private final Semaphore inFlight;
  private final Thread thread;
  private volatile boolean running = true;

  public GroupCommit(String name, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos, Writer writer) {
    this(name, maxQueuedRequests, maxQueuedEvents, commitNanos, 1, contiguous(appends -> {
      try {
        return CompletableFuture.completedFuture(writer.write(appends));
      } catch (Exception e) {
        return CompletableFuture.failedFuture(e);
      }
    }));
  }

  public GroupCommit(String name, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos, int maxInFlight, GroupWriter writer) {
    this.queue = new ArrayBlockingQueue<>(maxQueuedRequests);
    this.maxQueuedEvents = maxQueuedEvents;
    this.commitNanos = commitNanos;
    this.writer = writer;
    this.maxInFlight = maxInFlight;
    this.inFlight = new Semaphore(maxInFlight);
    this.thread = new Thread(this::writeLoop, name);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Completes with the first event's sequence number once the events are durable. */
  public CompletableFuture<Long> append(List<Event> events) {
    if (!running) {
      return CompletableFuture.failedFuture(new IllegalStateException("event log is closed"));
    }
    if (queuedEvents.addAndGet(events.size()) > maxQueuedEvents) {
      queuedEvents.addAndGet(-events.size());
      throw new LogOverloadedException("log writer queue holds more than " + maxQueuedEvents + " events");
    }
    Pending pending;
    try {
      pending = new Pending(LogAppend.of(events), new CompletableFuture<>()); // after the check: no encoding for a refusal
    } catch (RuntimeException e) {
      queuedEvents.addAndGet(-events.size());
      throw e;
    }
    if (!queue.offer(pending)) {
      queuedEvents.addAndGet(-events.size());
      throw new LogOverloadedException("log writer queue holds " + queue.size() + " requests");
    }
    return pending.done();
  }

  public int pending() {
    return queue.size();
  }

  /** Commits what is queued and waits for the commits in flight, then stops; appends after this fail. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
      if (inFlight.tryAcquire(maxInFlight, 10, TimeUnit.SECONDS)) {
        inFlight.release(maxInFlight);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeLoop() {
    List<Pending> group = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        continue; // closed: the loop drains what is queued, then ends
      }
      // While the limit of commits in flight is reached, the queue grows and the next group is bigger.
      inFlight.acquireUninterruptibly();
      int events = group.get(0).append().size();
      while (events < MAX_EVENTS_PER_COMMIT && queue.peek() != null) {
        Pending next = queue.poll();
        group.add(next);
        events += next.append().size();
      }
      commit(List.copyOf(group), events);
      group.clear();
    }
    Pending p;
    while ((p = queue.poll()) != null) {
      p.done().completeExceptionally(new IllegalStateException("event log closed before commit"));
    }
  }

  private void commit(List<Pending> group, int events) {
    long started = System.nanoTime();
    List<CompletableFuture<Long>> written;
    try {
      written = writer.write(group.stream().map(Pending::append).toList());
    } catch (RuntimeException e) {
      written = group.stream().map(p -> CompletableFuture.<Long>failedFuture(e)).toList();
    }
    for (int i = 0; i < group.size(); i++) {
      Pending p = group.get(i);
      written.get(i).whenComplete((first, failure) -> {
        if (failure == null) {
          p.done().complete(first);
        } else {
          LOG.log(System.Logger.Level.ERROR, "event log commit failed; " + p.append().size() + " events not acknowledged", failure);
          p.done().completeExceptionally(failure);
        }
      });
    }
    CompletableFuture.allOf(written.toArray(CompletableFuture[]::new)).whenComplete((ok, failure) -> {
      if (failure == null) {
        commitNanos.accept(System.nanoTime() - started);
      }
      queuedEvents.addAndGet(-events);
      inFlight.release();
    });
  }

  /** A writer of one contiguous batch: the group's appends get consecutive numbers. */
  public static GroupWriter contiguous(AsyncWriter writer) {
    return appends -> {
      CompletableFuture<Long> first;
      try {
        first = writer.write(appends);
      } catch (RuntimeException e) {
        first = CompletableFuture.failedFuture(e);
      }
      List<CompletableFuture<Long>> each = new ArrayList<>(appends.size());
      long offset = 0;
      for (LogAppend append : appends) {
        long at = offset;
        each.add(first.thenApply(seq -> seq + at));
        offset += append.size();
      }
      return each;
    };
  }
}
