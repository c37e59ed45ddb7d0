package io.truecount.bench;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.AttributionWindow;
import io.truecount.core.ads.CountMode;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.AdDirectory;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.Placement;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Attribution of N touches × M conversions: Truecount's incremental engine against DuckDB running
 * the same rules as one SQL query (hash join on the key, window filter, row_number for the winner
 * and for ONCE), on the same generated data, in the same JVM. Both must count the same.
 *
 * <pre>java -Xmx14g -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.AttributionBenchmark 10000000 1000000</pre>
 */
public final class AttributionBenchmark {
  static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  static final int ADS = 100;
  static final long SPAN = 30L * 86400;

  private AttributionBenchmark() {}

  record Result(long attributed, long counted, double seconds) {}

  public static void main(String[] args) throws Exception {
    int touches = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int conversions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int users = Math.max(1, conversions / 2);
    List<Placement> placements = placements();
    System.out.printf("generating %,d touches and %,d conversions over %,d users, %d ads%n", touches, conversions, users, ADS);
    List<Touch> ts = touches(touches, users);
    List<Conversion> cs = conversions(conversions, users);
    Result ours = truecount(placements, ts, cs);
    System.out.printf("truecount: %,d attributed, %,d counted, %.2f s (%,.0f touches+conversions/s)%n", ours.attributed(), ours.counted(), ours.seconds(),
        (touches + conversions) / ours.seconds());
    Result duck = duckdb(placements, ts, cs);
    System.out.printf("duckdb:    %,d attributed, %,d counted, %.2f s query (load excluded)%n", duck.attributed(), duck.counted(), duck.seconds());
    System.out.printf("ratio truecount/duckdb time: %.2f; same counts: %s%n", ours.seconds() / duck.seconds(),
        ours.attributed() == duck.attributed() && ours.counted() == duck.counted());
    if (ours.attributed() != duck.attributed() || ours.counted() != duck.counted()) {
      System.exit(1);
    }
  }

  static List<Placement> placements() {
    List<Placement> out = new ArrayList<>();
    AttributionWindow[] clicks = {AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS, AttributionWindow.FOURTEEN_DAYS, AttributionWindow.TWENTY_EIGHT_DAYS};
    AttributionWindow[] views = {AttributionWindow.OFF, AttributionWindow.ONE_DAY, AttributionWindow.SEVEN_DAYS};
    for (int a = 0; a < ADS; a++) {
      int group = a / 5;
      AttributionSettings s = new AttributionSettings(clicks[group % 4], views[group % 3], views[(group + 1) % 3], group % 2 == 0 ? CountMode.EVERY : CountMode.ONCE);
      out.add(new Placement(String.format("ad%03d", a), "g" + group, "c" + group / 4, "A", group % 10 == 9 ? "S2" : "S1", "Purchase", s));
    }
    return out;
  }

  static List<Touch> touches(int n, int users) {
    SplittableRandom r = new SplittableRandom(1);
    List<Touch> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Touch("t" + i, "A", String.format("ad%03d", r.nextInt(ADS)), TouchKind.values()[r.nextInt(3)],
          START.plusSeconds(r.nextLong(SPAN)), keys("u" + r.nextInt(users))));
    }
    return out;
  }

  static List<Conversion> conversions(int n, int users) {
    SplittableRandom r = new SplittableRandom(2);
    List<Conversion> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Conversion(i + 1, "A", r.nextInt(10) == 0 ? "S2" : "S1", r.nextInt(3) == 0 ? "AddToCart" : "Purchase", "",
          START.plusSeconds(r.nextLong(SPAN)), Optional.of(BigDecimal.TEN), "USD", keys("u" + r.nextInt(users))));
    }
    return out;
  }

  static MatchKeys keys(String ttp) {
    return new MatchKeys(List.of(), List.of(), List.of(), "", ttp, "", "", Map.of());
  }

  static Result truecount(List<Placement> placements, List<Touch> touches, List<Conversion> conversions) {
    Map<String, Placement> byAd = new HashMap<>();
    placements.forEach(p -> byAd.put(p.adId(), p));
    AdDirectory directory = adId -> Optional.ofNullable(byAd.get(adId));
    Attribution engine = new Attribution(directory, (before, after) -> {});
    long start = System.nanoTime();
    touches.forEach(engine::touch);
    long touched = System.nanoTime();
    conversions.forEach(engine::conversion);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("truecount: touches %.2f s, conversions %.2f s%n", (touched - start) / 1e9, (System.nanoTime() - touched) / 1e9);
    long attributed = 0;
    long counted = 0;
    for (LedgerEntry e : engine.entries()) {
      attributed += e.credit().isPresent() ? 1 : 0;
      counted += e.counted() ? 1 : 0;
    }
    return new Result(attributed, counted, seconds);
  }

  static Result duckdb(List<Placement> placements, List<Touch> touches, List<Conversion> conversions) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE ads (ad_id VARCHAR, source VARCHAR, click_s BIGINT, view_s BIGINT, ev_s BIGINT, once BOOLEAN)");
      s.execute("CREATE TABLE touches (touch_id VARCHAR, ad_id VARCHAR, kind INTEGER, t BIGINT, k VARCHAR)");
      s.execute("CREATE TABLE conversions (seq BIGINT, source VARCHAR, event VARCHAR, t BIGINT, k VARCHAR)");
      DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ads")) {
        for (Placement p : placements) {
          a.beginRow();
          a.append(p.adId());
          a.append(p.sourceId());
          a.append(p.settings().click().length().toSeconds());
          a.append(p.settings().view().length().toSeconds());
          a.append(p.settings().engagedView().length().toSeconds());
          a.append(p.settings().count() == CountMode.ONCE);
          a.endRow();
        }
      }
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "touches")) {
        for (Touch t : touches) {
          a.beginRow();
          a.append(t.touchId());
          a.append(t.adId());
          a.append(t.kind().ordinal());
          a.append(t.time().getEpochSecond());
          a.append(t.user().ttp());
          a.endRow();
        }
      }
      try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "conversions")) {
        for (Conversion cv : conversions) {
          a.beginRow();
          a.append(cv.seq());
          a.append(cv.sourceId());
          a.append(cv.event());
          a.append(cv.time().getEpochSecond());
          a.append(cv.keys().ttp());
          a.endRow();
        }
      }
      long start = System.nanoTime();
      try (ResultSet rs = s.executeQuery("""
          WITH cand AS (
            SELECT c.seq, c.event, c.t AS ct, tc.touch_id, tc.ad_id, tc.kind, tc.t AS tt, a.once
            FROM conversions c JOIN touches tc ON tc.k = c.k JOIN ads a ON a.ad_id = tc.ad_id
            WHERE a.source = c.source AND c.t >= tc.t
              AND c.t - tc.t < CASE tc.kind WHEN 0 THEN a.click_s WHEN 1 THEN a.ev_s ELSE a.view_s END),
          best AS (
            SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY seq ORDER BY kind, tt DESC, ad_id, touch_id) AS rn FROM cand) WHERE rn = 1),
          counted AS (
            SELECT *, CASE WHEN once THEN row_number() OVER (PARTITION BY touch_id, event ORDER BY ct, seq) = 1 ELSE true END AS counts FROM best)
          SELECT count(*), sum(CASE WHEN counts THEN 1 ELSE 0 END) FROM counted""")) {
        rs.next();
        return new Result(rs.getLong(1), rs.getLong(2), (System.nanoTime() - start) / 1e9);
      }
    }
  }
}
