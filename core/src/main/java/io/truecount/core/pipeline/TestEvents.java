package io.truecount.core.pipeline;

import io.truecount.core.EventSource;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.LoggedEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Test Events view: the latest test events per source with the seed's checks, pushed live to
 * subscribers. Test events never reach dedup, health or reports.
 */
public final class TestEvents {
  private final Catalog catalog;
  private final int perSource;
  private final Map<String, ArrayDeque<TestEventView>> latest = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<TestEventView>>> subscribers = new ConcurrentHashMap<>();

  public TestEvents(Catalog catalog, int perSource) {
    this.catalog = catalog;
    this.perSource = perSource;
  }

  void accept(LoggedEvent logged) {
    String sourceId = logged.event().sourceId();
    String code = catalog.source(sourceId).map(EventSource::testEventCode).orElse("");
    ArrayDeque<TestEventView> window = latest.computeIfAbsent(sourceId, id -> new ArrayDeque<>());
    TestEventView view;
    synchronized (window) {
      List<TestCheck> checks = TestEventChecks.judge(logged.event(), code, new ArrayList<>(window));
      view = new TestEventView(logged.seq(), logged.event(), logged.event().user().present(), checks);
      window.addLast(view);
      if (window.size() > perSource) {
        window.removeFirst();
      }
    }
    subscribers.getOrDefault(sourceId, List.of()).forEach(s -> s.accept(view));
  }

  /** Newest first. */
  public List<TestEventView> latest(String sourceId, int limit) {
    ArrayDeque<TestEventView> window = latest.get(sourceId);
    if (window == null) {
      return List.of();
    }
    List<TestEventView> out = new ArrayList<>();
    synchronized (window) {
      Iterator<TestEventView> it = window.descendingIterator();
      while (it.hasNext() && out.size() < limit) {
        out.add(it.next());
      }
    }
    return out;
  }

  /** Live feed; the listener runs on the pipeline thread and must not block. */
  public AutoCloseable subscribe(String sourceId, Consumer<TestEventView> listener) {
    List<Consumer<TestEventView>> list =
        subscribers.computeIfAbsent(sourceId, id -> new CopyOnWriteArrayList<>());
    list.add(listener);
    return () -> list.remove(listener);
  }
}
