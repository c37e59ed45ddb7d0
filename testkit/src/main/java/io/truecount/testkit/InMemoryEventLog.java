package io.truecount.testkit;

import io.truecount.core.Event;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A hand-written in-memory log (not durable): for pipeline tests and as the contract's reference. */
public final class InMemoryEventLog implements EventLog {
  private final List<Event> events = new ArrayList<>();

  @Override
  public synchronized CompletableFuture<Long> append(List<Event> batch) {
    long first = events.size() + 1L;
    events.addAll(batch);
    notifyAll();
    return CompletableFuture.completedFuture(first);
  }

  @Override
  public synchronized List<LoggedEvent> read(long fromSeq, int max) {
    List<LoggedEvent> out = new ArrayList<>();
    for (long seq = Math.max(1, fromSeq); seq <= events.size() && out.size() < max; seq++) {
      out.add(new LoggedEvent(seq, events.get((int) seq - 1)));
    }
    return out;
  }

  @Override
  public synchronized long nextSeq() {
    return events.size() + 1L;
  }

  @Override
  public synchronized void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    if (events.size() < fromSeq) {
      wait(Math.max(1, max.toMillis()));
    }
  }

  @Override
  public int pendingAppends() {
    return 0;
  }

  @Override
  public void close() {}
}
