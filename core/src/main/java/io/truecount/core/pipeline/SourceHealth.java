package io.truecount.core.pipeline;

import io.truecount.core.ConnectionMethod;
import io.truecount.core.EventNames;
import io.truecount.core.MatchKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Per-source health (seed step 1): status, volumes, dedup, connection method, match quality. */
public final class SourceHealth implements LiveStage {
  static final Duration ACTIVE_WITHIN = Duration.ofDays(7);

  private final Clock clock;
  private final Map<String, SourceStats> sources = new ConcurrentHashMap<>();

  public SourceHealth(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void accept(ProcessedEvent event) {
    stats(event.event().sourceId()).add(event);
  }

  /** Requests or events refused at the edge, by TikTok code. */
  public void recordRejected(String sourceId, int code, int count) {
    stats(sourceId).reject(code, count);
  }

  public SourceHealthReport report(String sourceId) {
    SourceStats stats = sources.get(sourceId);
    return stats == null ? empty(sourceId) : stats.report(sourceId, clock.instant());
  }

  private SourceStats stats(String sourceId) {
    return sources.computeIfAbsent(sourceId, id -> new SourceStats());
  }

  private static SourceHealthReport empty(String sourceId) {
    return new SourceHealthReport(
        sourceId, SourceHealthReport.Status.NO_RECENT_ACTIVITY, Optional.empty(), false, List.of(), Map.of());
  }

  private static final class SourceStats {
    private final Map<String, NameStats> byName = new HashMap<>();
    private final Map<Integer, Long> rejected = new HashMap<>();
    private final FirstCopies firstCopies = new FirstCopies();
    private Instant lastEventAt;

    synchronized void add(ProcessedEvent e) {
      NameStats stats = byName.computeIfAbsent(e.event().event(), NameStats::new);
      stats.copies.merge(e.decision().outcome(), 1L, Long::sum);
      if (e.decision().outcome().counted()) {
        countFirst(e, stats);
      } else if (e.decision() instanceof DedupDecision.Merged merged) {
        firstCopies.merge(merged.firstSeq(), e.event(), stats);
      }
    }

    synchronized void reject(int code, int count) {
      rejected.merge(code, (long) count, Long::sum);
    }

    synchronized SourceHealthReport report(String sourceId, Instant now) {
      List<EventHealth> events = new ArrayList<>();
      byName.values().forEach(s -> events.add(s.health(now)));
      events.sort(Comparator.comparing(EventHealth::event));
      boolean active = lastEventAt != null && lastEventAt.isAfter(now.minus(ACTIVE_WITHIN));
      return new SourceHealthReport(
          sourceId,
          active ? SourceHealthReport.Status.ACTIVE : SourceHealthReport.Status.NO_RECENT_ACTIVITY,
          Optional.ofNullable(lastEventAt),
          events.stream().anyMatch(h -> h.businessEvent() && h.counted() > 0),
          events,
          Map.copyOf(rejected));
    }

    private void countFirst(ProcessedEvent e, NameStats stats) {
      Instant at = e.event().receivedAt();
      if (lastEventAt == null || at.isAfter(lastEventAt)) {
        lastEventAt = at;
      }
      stats.buckets.add(at);
      stats.counted++;
      int keys = e.event().user().presentMask();
      stats.addKeys(keys);
      stats.methods.merge(FirstCopies.method(e.event().channel()), 1L, Long::sum);
      if (e.decision().outcome() == DedupDecision.Outcome.FIRST) {
        firstCopies.remember(e.seq(), keys, e.event().channel());
      }
    }
  }

  static final class NameStats {
    final String event;
    final TimeBuckets buckets = new TimeBuckets();
    final Map<DedupDecision.Outcome, Long> copies = new EnumMap<>(DedupDecision.Outcome.class);
    final Map<ConnectionMethod, Long> methods = new EnumMap<>(ConnectionMethod.class);
    final long[] keyCounts = new long[MatchKey.ALL.size()];
    long counted;

    NameStats(String event) {
      this.event = event;
    }

    void addKeys(int mask) {
      for (int rest = mask; rest != 0; rest &= rest - 1) {
        keyCounts[Integer.numberOfTrailingZeros(rest)]++;
      }
    }

    EventHealth health(Instant now) {
      Map<MatchKey, Double> coverage = new EnumMap<>(MatchKey.class);
      double quality = 0;
      for (MatchKey key : MatchKey.ALL) {
        double share = counted == 0 ? 0 : (double) keyCounts[key.ordinal()] / counted;
        coverage.put(key, share);
        quality += share * key.weight();
      }
      long copiesTotal = copies.values().stream().mapToLong(Long::longValue).sum();
      long duplicates = copies.getOrDefault(DedupDecision.Outcome.MERGED, 0L)
          + copies.getOrDefault(DedupDecision.Outcome.DROPPED, 0L);
      return new EventHealth(
          event,
          EventNames.reportedName(event),
          !EventNames.isPageEvent(event),
          buckets.within(now, Duration.ofHours(1)),
          buckets.within(now, Duration.ofHours(24)),
          buckets.within(now, Duration.ofDays(7)),
          counted,
          new EnumMap<>(copies),
          copiesTotal == 0 ? 0 : (double) duplicates / copiesTotal,
          new EnumMap<>(methods),
          coverage,
          Math.round(quality * 10) / 10.0);
    }
  }
}
