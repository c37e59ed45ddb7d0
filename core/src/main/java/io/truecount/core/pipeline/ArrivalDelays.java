package io.truecount.core.pipeline;

import io.truecount.core.EventNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How late events arrive, per source: a histogram of {@code receivedAt - event_time} of the
 * business events (first copies; page views left out) received in the last 28 days, by day of
 * receipt, so it follows the log and not the wall clock. From it, how much of a recent day's
 * events typically is still to arrive: the answer to "will yesterday's numbers still change?".
 */
public final class ArrivalDelays implements LiveStage {
  /** Upper bounds of the delay buckets, in seconds; the last bucket is open. */
  static final long[] BOUNDS = {60, 300, 900, 3_600, 3 * 3_600, 6 * 3_600, 12 * 3_600, 86_400, 2 * 86_400, 3 * 86_400, 7 * 86_400, 14 * 86_400,
      30 * 86_400, 90 * 86_400};
  static final int DAYS = 28;
  /** Below this many events in the window, no estimate is given. */
  static final long MIN_EVENTS = 100;
  /** Points of a day at which the share still to arrive is averaged. */
  static final int SAMPLES = 96;

  /** The estimate for one period, and what it rests on. */
  public record Estimate(double stillToArrive, long basedOnEvents, double withinOneHour) {}

  private final Map<String, SourceDelays> sources = new HashMap<>();

  @Override
  public synchronized void accept(ProcessedEvent p) {
    if (p.decision().outcome() == DedupDecision.Outcome.DROPPED || p.decision().outcome() == DedupDecision.Outcome.MERGED
        || EventNames.isPageEvent(p.event().event())) {
      return;
    }
    long delay = Math.max(0, Duration.between(p.event().eventTime(), p.event().receivedAt()).toSeconds());
    sources.computeIfAbsent(p.event().sourceId(), id -> new SourceDelays()).add(p.event().receivedAt(), delay);
  }

  /**
   * The share of the events of {@code [from, to)} (times of the events) that has typically not
   * arrived by {@code now}, from the delays of the given sources; empty without enough history.
   * Events are taken as spread evenly over the part of the period before {@code now}.
   */
  public synchronized Optional<Estimate> stillToArrive(Collection<String> sourceIds, Instant from, Instant to, Instant now) {
    long[] counts = new long[BOUNDS.length + 1];
    for (String id : sourceIds) {
      SourceDelays d = sources.get(id);
      if (d != null) {
        d.addTo(counts);
      }
    }
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total < MIN_EVENTS) {
      return Optional.empty();
    }
    Instant end = to.isBefore(now) ? to : now;
    if (!end.isAfter(from)) {
      return Optional.of(new Estimate(0, total, shareAtMost(counts, total, 3_600)));
    }
    double span = Duration.between(from, end).toSeconds();
    double sum = 0;
    for (int i = 0; i < SAMPLES; i++) {
      double t = (i + 0.5) * span / SAMPLES;
      double elapsed = Duration.between(from, now).toSeconds() - t;
      sum += 1 - shareAtMost(counts, total, elapsed);
    }
    return Optional.of(new Estimate(sum / SAMPLES, total, shareAtMost(counts, total, 3_600)));
  }

  /** P(delay <= x) from the histogram, linear within a bucket (the first starts at 0; the open one counts only beyond its bound). */
  static double shareAtMost(long[] counts, long total, double x) {
    double below = 0;
    double lower = 0;
    for (int b = 0; b < BOUNDS.length; b++) {
      double upper = BOUNDS[b];
      if (x >= upper) {
        below += counts[b];
      } else {
        below += x > lower ? counts[b] * (x - lower) / (upper - lower) : 0;
        return below / total;
      }
      lower = upper;
    }
    return below / total;
  }

  static int bucket(long delaySeconds) {
    for (int b = 0; b < BOUNDS.length; b++) {
      if (delaySeconds <= BOUNDS[b]) {
        return b;
      }
    }
    return BOUNDS.length;
  }

  /** One source's histograms by day of receipt, the last {@link #DAYS} days of the log. */
  private static final class SourceDelays {
    private final long[][] byDay = new long[DAYS][BOUNDS.length + 1];
    private final long[] dayOf = new long[DAYS];
    private long latestDay = Long.MIN_VALUE / 2; // no day yet (halved: latestDay - DAYS must not overflow)

    void add(Instant receivedAt, long delay) {
      long day = Math.floorDiv(receivedAt.getEpochSecond(), 86_400);
      if (day <= latestDay - DAYS) {
        return; // older than the window (an event replayed out of order of receipt)
      }
      latestDay = Math.max(latestDay, day);
      int slot = Math.floorMod(day, DAYS);
      if (dayOf[slot] != day) {
        dayOf[slot] = day;
        java.util.Arrays.fill(byDay[slot], 0);
      }
      byDay[slot][bucket(delay)]++;
    }

    void addTo(long[] counts) {
      for (int slot = 0; slot < DAYS; slot++) {
        if (dayOf[slot] > latestDay - DAYS) {
          for (int b = 0; b < counts.length; b++) {
            counts[b] += byDay[slot][b];
          }
        }
      }
    }
  }
}
