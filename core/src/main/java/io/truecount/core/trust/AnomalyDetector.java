package io.truecount.core.trust;

import io.truecount.core.Event;
import io.truecount.core.EventNames;
import io.truecount.core.PageUrls;
import io.truecount.core.pipeline.DedupDecision;
import io.truecount.core.pipeline.LiveStage;
import io.truecount.core.pipeline.ProcessedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, incrementally and per (source, event), hourly counters of the last 22 days — arrivals,
 * dropped duplicates, missing value, purchases on product pages, match-key weight and arrival
 * delay — and judges them on demand against a robust baseline: median and MAD of the same hour
 * of day over the trailing 14 days, scaled by the weekday's share of volume in those two weeks
 * (hour-of-week seasonality). Memory is fixed per series.
 */
public final class AnomalyDetector implements LiveStage, io.truecount.core.attribution.LedgerListener {
  static final int HOURS = 22 * 24;
  static final int BASELINE_DAYS = 14;
  static final double MIN_BASELINE = 5;

  /** A series: a source's event, or (campaign set) a campaign's counted conversions of an event. */
  private record Key(String sourceId, String campaignId, String event) {}

  private final Map<Key, HourlySeries> series = new HashMap<>();
  /** Per source: page hosts seen → {last seen epoch second, count}; at most {@link #MAX_HOSTS} per source. */
  private final Map<String, Map<String, long[]>> hosts = new HashMap<>();
  static final int MAX_HOSTS = 200;

  @Override
  public synchronized void accept(ProcessedEvent p) {
    Event e = p.event();
    HourlySeries s = series.computeIfAbsent(new Key(e.sourceId(), "", e.reportedName()), k -> new HourlySeries());
    host(e).ifPresent(host -> {
      Map<String, long[]> seen = hosts.computeIfAbsent(e.sourceId(), k -> new HashMap<>());
      if (seen.size() < MAX_HOSTS || seen.containsKey(host)) {
        long[] stats = seen.computeIfAbsent(host, k -> new long[2]);
        stats[0] = Math.max(stats[0], e.receivedAt().getEpochSecond());
        stats[1]++;
      }
    });
    long h = Math.floorDiv(e.receivedAt().getEpochSecond(), 3600);
    int slot = s.slot(h);
    s.arrivals[slot]++;
    if (p.decision().outcome() == DedupDecision.Outcome.DROPPED) {
      s.duplicates[slot]++;
      return;
    }
    if (EventNames.isValueEvent(e.event()) && (e.value().isEmpty() || e.currency().isEmpty())) {
      s.missingValue[slot]++;
    }
    if ("Purchase".equals(e.reportedName()) && PageUrls.isProductPage(e.pageUrl())) {
      s.wrongPage[slot]++;
    }
    s.keyWeight[slot] += e.user().presentWeight();
    if (Duration.between(e.eventTime(), e.receivedAt()).compareTo(Duration.ofHours(1)) > 0) {
      s.delayedHour[slot]++;
    }
  }

  /** Counted conversions per campaign and event, by the hour they arrived; a retraction takes its count back. */
  @Override
  public synchronized void changed(io.truecount.core.attribution.LedgerEntry before, io.truecount.core.attribution.LedgerEntry after) {
    count(before, -1);
    count(after, +1);
  }

  private void count(io.truecount.core.attribution.LedgerEntry e, int sign) {
    if (e == null || !e.counted() || e.credit().isEmpty()) {
      return;
    }
    var c = e.conversion();
    HourlySeries s = series.computeIfAbsent(new Key(c.sourceId(), e.credit().get().placement().campaignId(), c.event()), k -> new HourlySeries());
    s.arrivals[s.slot(Math.floorDiv(c.receivedAt().getEpochSecond(), 3600))] += sign;
  }

  /** Page hosts a source's events came from since {@code since}, with their counts. */
  public synchronized Map<String, Long> hostsSince(String sourceId, Instant since) {
    Map<String, Long> out = new java.util.TreeMap<>();
    hosts.getOrDefault(sourceId, Map.of()).forEach((host, stats) -> {
      if (stats[0] >= since.getEpochSecond()) {
        out.put(host, stats[1]);
      }
    });
    return out;
  }

  private static java.util.Optional<String> host(Event e) {
    return PageUrls.host(e.pageUrl());
  }


  /**
   * Anomalies of every series as of {@code now}: volume on the last full hour; quality over the
   * last 24 hours including the current one (a share needs no complete hour).
   */
  public synchronized List<Anomaly> detect(Instant now) {
    List<Anomaly> out = new ArrayList<>();
    long current = Math.floorDiv(now.getEpochSecond(), 3600) - 1;
    series.forEach((key, s) -> {
      volume(key, s, current).ifPresent(out::add);
      if (key.campaignId().isEmpty()) {
        quality(key, s, current + 1, out);
      }
    });
    out.sort((a, b) -> a.firstSeen().compareTo(b.firstSeen()));
    return out;
  }

  private static java.util.Optional<Anomaly> volume(Key key, HourlySeries s, long hour) {
    long[] history = new long[BASELINE_DAYS];
    for (int d = 1; d <= BASELINE_DAYS; d++) {
      history[d - 1] = kept(s, hour - 24L * d);
    }
    double factor = weekdayFactor(s, hour);
    double median = median(history) * factor;
    double mad = mad(history, median(history)) * factor;
    long observed = kept(s, hour);
    if (median < MIN_BASELINE) {
      return java.util.Optional.empty();
    }
    String baseline = String.format("%d in the hour to %s vs an expected %.0f (median of that hour over %d days × weekday factor %.2f, MAD %.1f)", observed,
        Instant.ofEpochSecond((hour + 1) * 3600), median, BASELINE_DAYS, factor, mad);
    if (observed == 0) {
      long since = hour;
      while (since > hour - 48 && kept(s, since - 1) == 0) {
        since--;
      }
      return java.util.Optional.of(anomaly(Anomaly.Kind.HARD_ZERO, key, since, baseline,
          "tracking stopped: the tag or server sender broke, was removed, or lost its token", "Check the source's recent deploys, the pixel on the page and the sender's token; send a test event."));
    }
    if (observed >= 2 * median && observed - median > 3 * mad) {
      return java.util.Optional.of(anomaly(Anomaly.Kind.JUMP, key, hour, baseline,
          "a second tag or sender firing the same event, a loop, or bot traffic", "Look for a duplicate tag or a retrying sender; compare with orders."));
    }
    if (observed <= 0.5 * median && median - observed > 3 * mad) {
      return java.util.Optional.of(anomaly(Anomaly.Kind.DROP, key, hour, baseline,
          "part of the traffic lost its tracking (one browser, one checkout path, consent banner change)", "Test the event on each checkout path and browser."));
    }
    return java.util.Optional.empty();
  }

  private static void quality(Key key, HourlySeries s, long hour, List<Anomaly> out) {
    Totals now = totals(s, hour - 23, hour);
    long day = now.arrivals();
    long dupNow = now.duplicates();
    double weightNow = now.weight();
    long keptNow = day - dupNow;
    long missing = 0;
    long wrong = 0;
    long delayed = 0;
    long firstMissing = -1;
    long firstWrong = -1;
    for (long h = hour - 23; h <= hour; h++) {
      missing += s.get(s.missingValue, h);
      wrong += s.get(s.wrongPage, h);
      delayed += s.get(s.delayedHour, h);
      firstMissing = firstMissing < 0 && s.get(s.missingValue, h) > 0 ? h : firstMissing;
      firstWrong = firstWrong < 0 && s.get(s.wrongPage, h) > 0 ? h : firstWrong;
    }
    if (day == 0) {
      return;
    }
    long kept = Math.max(1, keptNow);
    if (missing > 0 && (double) missing / kept > 0.05) {
      out.add(anomaly(Anomaly.Kind.MISSING_REVENUE, key, firstMissing, missing + " of " + kept + " " + key.event() + " events in 24 h without value or currency",
          "the purchase tag reads the order total before it exists, or the server sender leaves it out", "Send value and currency with every " + key.event() + "."));
    }
    if (wrong > 0) {
      out.add(anomaly(Anomaly.Kind.PURCHASE_ON_WRONG_PAGE, key, firstWrong, wrong + " of " + kept + " Purchase events in 24 h fired on a product page URL",
          "the purchase tag sits on the product template or a button, not on the order confirmation", "Fire Purchase only on the thank-you page or from the order system."));
    }
    Totals before = totals(s, hour - 24 * 8 + 1, hour - 24);
    long dupBefore = before.duplicates();
    long arrivalsBefore = before.arrivals();
    double weightBefore = before.weight();
    long keptBefore = arrivalsBefore - dupBefore;
    double rateNow = (double) dupNow / day;
    double rateBefore = arrivalsBefore == 0 ? 0 : (double) dupBefore / arrivalsBefore;
    if (arrivalsBefore > 0 && rateNow >= 0.10 && rateNow >= 2 * rateBefore) {
      out.add(anomaly(Anomaly.Kind.DUPLICATE_SPIKE, key, hour - 23, String.format("%.0f%% of copies dropped as duplicates in 24 h vs %.0f%% in the 7 days before",
          rateNow * 100, rateBefore * 100), "a sender started retrying or a second integration sends the same event_id", "Find the second sender or the retry loop."));
    }
    if (keptBefore > 0) {
      double emqNow = weightNow / kept;
      double emqBefore = weightBefore / keptBefore;
      if (emqBefore - emqNow >= 2) {
        out.add(anomaly(Anomaly.Kind.MATCH_QUALITY_DROP, key, hour - 23, String.format("match quality %.1f/10 in 24 h vs %.1f/10 in the 7 days before", emqNow, emqBefore),
            "a release stopped sending hashed email/phone or the landing page lost ttclid / _ttp", "Restore the match keys the sender used to include."));
      }
    }
    if ((double) delayed / kept > 0.2) {
      out.add(anomaly(Anomaly.Kind.EVENT_TIME_SKEW, key, hour - 23, delayed + " of " + kept + " events arrived more than 1 h after their event_time",
          "batched or delayed sending, or event_time sent in the wrong unit or zone", "Send events as they happen with event_time in Unix seconds UTC."));
    }
  }

  /**
   * Hour-of-week seasonality within the 14-day window: the volume of the 24 hours ending at this
   * hour one and two weeks ago, against the average day of the last 14 (1.0 when unknown).
   */
  static double weekdayFactor(HourlySeries s, long hour) {
    double sameWeekday = (dayEnding(s, hour - 24L * 7) + dayEnding(s, hour - 24L * 14)) / 2.0;
    double mean = 0;
    for (int d = 1; d <= BASELINE_DAYS; d++) {
      mean += dayEnding(s, hour - 24L * d);
    }
    mean /= BASELINE_DAYS;
    return mean == 0 || sameWeekday == 0 ? 1.0 : sameWeekday / mean;
  }

  private static long dayEnding(HourlySeries s, long hour) {
    long total = 0;
    for (long h = hour - 23; h <= hour; h++) {
      total += kept(s, h);
    }
    return total;
  }

  /** Arrivals, dropped duplicates and match-key weight summed over hours [from, to]. */
  private record Totals(long arrivals, long duplicates, double weight) {}

  private static Totals totals(HourlySeries s, long from, long to) {
    long arrivals = 0;
    long duplicates = 0;
    double weight = 0;
    for (long h = from; h <= to; h++) {
      arrivals += s.get(s.arrivals, h);
      duplicates += s.get(s.duplicates, h);
      weight += s.weight(h);
    }
    return new Totals(arrivals, duplicates, weight);
  }

  /** Counted copies of an hour: arrivals minus dropped duplicates (a duplicate spike is its own anomaly). */
  private static long kept(HourlySeries s, long hour) {
    return s.get(s.arrivals, hour) - s.get(s.duplicates, hour);
  }

  private static Anomaly anomaly(Anomaly.Kind kind, Key key, long firstHour, String evidence, String cause, String fix) {
    Instant first = Instant.ofEpochSecond(firstHour * 3600);
    String scope = key.campaignId().isEmpty() ? key.sourceId() : "campaign " + key.campaignId();
    String id = kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + scope.replace(' ', '-') + ":" + key.event() + ":" + firstHour;
    String what = key.campaignId().isEmpty() ? evidence : "conversions credited to campaign " + key.campaignId() + ": " + evidence;
    return new Anomaly(id, kind, key.sourceId(), key.campaignId(), key.event(), first, what, cause, fix);
  }

  static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  static double mad(long[] values, double median) {
    double[] deviations = Arrays.stream(values).mapToDouble(v -> Math.abs(v - median)).sorted().toArray();
    int n = deviations.length;
    return n % 2 == 1 ? deviations[n / 2] : (deviations[n / 2 - 1] + deviations[n / 2]) / 2.0;
  }
}
