package io.truecount.store.jdbc;

import io.truecount.core.Event;
import io.truecount.core.spi.LoggedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The last committed group commits, kept in memory by the log that wrote them, so a reader that
 * keeps up with the log (the pipeline, almost always) gets the committed events without reading
 * the rows back and decoding them. A reader that fell behind what is held reads the store as
 * before. Events are immutable and the store's codec is lossless, so both paths hand out equal
 * events (tested by the event-log contract).
 */
public final class RecentBatches {
  private final int maxEvents;
  private final ArrayDeque<Batch> batches = new ArrayDeque<>();
  private int held;

  private record Batch(long first, List<Event> events) {}

  /** Holds at least the newest batch and at most {@code maxEvents} events beyond it. */
  public RecentBatches(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** Records a committed batch; {@code first} must follow the previous batch. Never modify {@code events} afterwards. */
  public synchronized void add(long first, List<Event> events) {
    Batch last = batches.peekLast();
    if (last != null && last.first() + last.events().size() != first) {
      batches.clear();
      held = 0;
    }
    batches.addLast(new Batch(first, events));
    held += events.size();
    while (held - batches.peekFirst().events().size() >= maxEvents) {
      held -= batches.removeFirst().events().size();
    }
  }

  /**
   * Up to {@code max} committed events from {@code fromSeq} on, or empty when {@code fromSeq} is
   * older than what is held (the caller reads the store).
   */
  public synchronized Optional<List<LoggedEvent>> read(long fromSeq, int max) {
    Batch oldest = batches.peekFirst();
    if (oldest == null || fromSeq < oldest.first()) {
      return Optional.empty();
    }
    List<Batch> from = new ArrayList<>();
    for (Iterator<Batch> newestFirst = batches.descendingIterator(); newestFirst.hasNext(); ) {
      Batch b = newestFirst.next();
      from.add(b);
      if (b.first() <= fromSeq) {
        break;
      }
    }
    List<LoggedEvent> out = new ArrayList<>(Math.min(max, held));
    for (int i = from.size() - 1; i >= 0 && out.size() < max; i--) {
      Batch b = from.get(i);
      for (int j = (int) Math.max(0, fromSeq - b.first()); j < b.events().size() && out.size() < max; j++) {
        out.add(new LoggedEvent(b.first() + j, b.events().get(j)));
      }
    }
    return Optional.of(out);
  }
}
