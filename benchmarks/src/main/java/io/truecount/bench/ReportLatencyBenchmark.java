package io.truecount.bench;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.Credit;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.Placement;
import io.truecount.core.report.Granularity;
import io.truecount.core.report.Level;
import io.truecount.core.report.ReportCube;
import io.truecount.core.report.Rollup;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Report query latency over a large ledger: N counted ledger entries (100 ads, 3 events, 90 days)
 * go into the live cube, then random 7–31-day queries are answered by day at campaign level (the
 * TikTok report's common shape) and by hour at ad level; p50 / p99 / max in ms.
 *
 * <pre>java -Xmx8g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.ReportLatencyBenchmark 50000000 1000</pre>
 */
public final class ReportLatencyBenchmark {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Instant START = Instant.parse("2026-08-01T04:00:00Z");

  private ReportLatencyBenchmark() {}

  public static void main(String[] args) {
    long entries = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    List<Placement> placements = AttributionBenchmark.placements();
    Map<String, Placement> byAd = new HashMap<>();
    placements.forEach(p -> byAd.put(p.adId(), p));
    ReportCube cube = new ReportCube(a -> "USD", a -> ZONE);
    SplittableRandom r = new SplittableRandom(3);
    String[] events = {"Purchase", "AddToCart", "ViewContent"};
    BigDecimal value = new BigDecimal("19.90");
    long start = System.nanoTime();
    for (long i = 1; i <= entries; i++) {
      Placement p = placements.get(r.nextInt(placements.size()));
      Instant touchTime = START.plusSeconds(r.nextLong(90L * 86400));
      Touch touch = new Touch("t", "A", p.adId(), TouchKind.values()[r.nextInt(3)], touchTime, MatchKeys.NONE);
      Conversion c = new Conversion(i, "A", p.sourceId(), events[r.nextInt(3)], "", touchTime.plusSeconds(r.nextLong(86400)), Optional.of(value), "USD",
          MatchKeys.NONE);
      cube.changed(null, new LedgerEntry(c, Optional.of(new Credit(touch, p, false)), true));
    }
    System.out.printf("loaded %,d ledger entries into the cube in %.1f s%n", entries, (System.nanoTime() - start) / 1e9);
    run("by day, campaign level", cube, byAd, queries, Granularity.DAY, Level.CAMPAIGN, r);
    run("by hour, ad level (<= 31 days)", cube, byAd, queries, Granularity.HOUR, Level.AD, r);
  }

  static long[] run(String label, ReportCube cube, Map<String, Placement> byAd, int queries, Granularity granularity, Level level, SplittableRandom r) {
    long[] nanos = new long[queries];
    long rows = 0;
    LocalDate first = START.atZone(ZONE).toLocalDate();
    for (int q = 0; q < queries; q++) {
      LocalDate from = first.plusDays(r.nextInt(58));
      LocalDate to = from.plusDays(6 + r.nextInt(25));
      long t0 = System.nanoTime();
      rows += Rollup.rollup(cube.query("A", from, to, granularity), level, Optional.empty(), ad -> Optional.ofNullable(byAd.get(ad))).size();
      nanos[q] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf("%s: %d queries, p50 %.2f ms, p99 %.2f ms, max %.2f ms (%,d rows)%n", label, queries, nanos[queries / 2] / 1e6,
        nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6, rows);
    return nanos;
  }
}
