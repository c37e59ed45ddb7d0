package io.truecount.core.pipeline;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest live events per source (a bounded window), each with its dedup decision; merged
 * first copies show the merged keys and parameters, and list the copies merged into them.
 */
public final class RecentEvents implements LiveStage {
  private final int perSource;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public RecentEvents(int perSource) {
    this.perSource = perSource;
  }

  @Override
  public void accept(ProcessedEvent event) {
    windows.computeIfAbsent(event.event().sourceId(), id -> new Window()).add(event);
  }

  /** Newest first. Empty filter values match everything. */
  public List<ProcessedEvent> list(String sourceId, Filter filter, int limit) {
    Window window = windows.get(sourceId);
    return window == null ? List.of() : window.list(filter, limit);
  }

  public Optional<ProcessedEvent> find(String sourceId, long seq) {
    Window window = windows.get(sourceId);
    return window == null ? Optional.empty() : window.find(seq);
  }

  /** Sequence numbers of later copies merged into or dropped against {@code firstSeq}. */
  public List<Long> copiesOf(String sourceId, long firstSeq) {
    Window window = windows.get(sourceId);
    return window == null ? List.of() : window.copiesOf(firstSeq);
  }

  /** Lists of copies held, over all sources (each belongs to a first copy still in its window). */
  int copiesHeld() {
    return windows.values().stream().mapToInt(Window::copiesHeld).sum();
  }

  /** Filters of the events list: event name, channel, dedup outcome; null means any. */
  public record Filter(String eventName, Channel channel, DedupDecision.Outcome outcome) {
    public static final Filter ANY = new Filter(null, null, null);

    boolean matches(ProcessedEvent e) {
      return (eventName == null || eventName.equals(e.event().event()))
          && (channel == null || channel == e.event().channel())
          && (outcome == null || outcome == e.decision().outcome());
    }
  }

  private final class Window {
    private final ArrayDeque<ProcessedEvent> events = new ArrayDeque<>();
    private final Map<Long, ProcessedEvent> bySeq = new HashMap<>();
    private final Map<Long, List<Long>> copies = new HashMap<>();

    synchronized void add(ProcessedEvent event) {
      long first = event.decision().firstSeq();
      if (first > 0 && bySeq.containsKey(first)) {
        // a copy of a first copy that already left the window is not tracked: nothing would show
        // it, and a sender retrying an old event for hours would grow this map without bound
        copies.computeIfAbsent(first, k -> new ArrayList<>()).add(event.seq());
        if (event.decision() instanceof DedupDecision.Merged) {
          mergeInto(first, event.event());
        }
      }
      events.addLast(event);
      bySeq.put(event.seq(), event);
      if (events.size() > perSource) {
        ProcessedEvent evicted = events.removeFirst();
        bySeq.remove(evicted.seq());
        copies.remove(evicted.seq());
      }
    }

    synchronized List<ProcessedEvent> list(Filter filter, int limit) {
      List<ProcessedEvent> out = new ArrayList<>();
      Iterator<ProcessedEvent> newestFirst = events.descendingIterator();
      while (newestFirst.hasNext() && out.size() < limit) {
        ProcessedEvent e = bySeq.get(newestFirst.next().seq());
        if (filter.matches(e)) {
          out.add(e);
        }
      }
      return out;
    }

    synchronized int copiesHeld() {
      return copies.size();
    }

    synchronized Optional<ProcessedEvent> find(long seq) {
      return Optional.ofNullable(bySeq.get(seq));
    }

    synchronized List<Long> copiesOf(long firstSeq) {
      return List.copyOf(copies.getOrDefault(firstSeq, List.of()));
    }

    private void mergeInto(long firstSeq, Event later) {
      ProcessedEvent first = bySeq.get(firstSeq);
      if (first != null) {
        bySeq.put(firstSeq, new ProcessedEvent(firstSeq, first.event().mergedWith(later), first.decision()));
      }
    }
  }
}
