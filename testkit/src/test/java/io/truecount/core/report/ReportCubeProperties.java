package io.truecount.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.Credit;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The cube against a naive per-entry day count in a DST-heavy zone (New York, around the
 * 2026-11-01 fall-back and 2026-03-08 spring-forward), with retractions; and every level sums to
 * the advertiser on every day.
 */
class ReportCubeProperties {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final Instant START = Instant.parse("2026-10-30T00:00:00Z");
  static final List<Placement> PLACEMENTS = List.of(
      new Placement("ad1", "g1", "c1", "A", "S", "Purchase", AttributionSettings.DEFAULT),
      new Placement("ad2", "g1", "c1", "A", "S", "Purchase", AttributionSettings.DEFAULT),
      new Placement("ad3", "g2", "c1", "A", "S", "Lead", AttributionSettings.DEFAULT),
      new Placement("ad4", "g3", "c2", "A", "S", "Purchase", AttributionSettings.DEFAULT));

  record Step(int placement, String event, long touchOffset, long gap, boolean retract) {}

  @Property(tries = 300)
  void daily_counts_equal_a_naive_count_on_both_bases_and_levels_sum_up(@ForAll("steps") List<Step> steps) {
    ReportCube cube = new ReportCube(a -> "USD", a -> ZONE);
    Map<Long, LedgerEntry> live = new HashMap<>();
    long seq = 0;
    for (Step s : steps) {
      seq++;
      LedgerEntry e = entry(seq, s);
      cube.changed(null, e);
      live.put(seq, e);
      if (s.retract()) {
        LedgerEntry uncounted = new LedgerEntry(e.conversion(), e.credit(), false);
        cube.changed(e, uncounted);
        live.put(seq, uncounted);
      }
    }
    LocalDate from = LocalDate.of(2026, 10, 29);
    LocalDate to = LocalDate.of(2026, 11, 12);
    Map<String, Long> naiveUtc = new TreeMap<>();
    for (LedgerEntry e : live.values()) {
      if (e.counted() && e.conversion().event().equals(e.credit().get().placement().optimizationEvent())) {
        naiveUtc.merge(e.conversion().time().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(), 1L, Long::sum);
      }
    }
    Map<String, Long> utc = new TreeMap<>();
    for (LevelRow r : Rollup.rollup(cube.query("A", LocalDate.of(2026, 10, 29), LocalDate.of(2026, 11, 12), Granularity.DAY, true), Level.ADVERTISER,
        Optional.empty(), this::placement)) {
      if (r.realTimeConversions() > 0) {
        utc.put(r.period().orElseThrow().toLocalDate().toString(), r.realTimeConversions());
      }
    }
    naiveUtc.keySet().removeIf(d -> LocalDate.parse(d).isBefore(LocalDate.of(2026, 10, 29)) || LocalDate.parse(d).isAfter(LocalDate.of(2026, 11, 12)));
    assertThat(utc).as("UTC days on request").isEqualTo(naiveUtc);
    Map<String, Long> naiveImpression = new TreeMap<>();
    Map<String, Long> naiveConversion = new TreeMap<>();
    for (LedgerEntry e : live.values()) {
      if (e.counted()) {
        Placement p = e.credit().get().placement();
        if (e.conversion().event().equals(p.optimizationEvent())) {
          naiveImpression.merge(e.credit().get().touchTime().atZone(ZONE).toLocalDate().toString(), 1L, Long::sum);
          naiveConversion.merge(e.conversion().time().atZone(ZONE).toLocalDate().toString(), 1L, Long::sum);
        }
      }
    }
    List<AdRow> rows = cube.query("A", from, to, Granularity.DAY);
    Map<String, Long> impression = new TreeMap<>();
    Map<String, Long> conversion = new TreeMap<>();
    for (LevelRow r : Rollup.rollup(rows, Level.ADVERTISER, Optional.empty(), this::placement)) {
      String day = r.period().orElseThrow().toLocalDate().toString();
      if (r.conversions() > 0) {
        impression.put(day, r.conversions());
      }
      if (r.realTimeConversions() > 0) {
        conversion.put(day, r.realTimeConversions());
      }
    }
    naiveImpression.keySet().removeIf(d -> LocalDate.parse(d).isBefore(from) || LocalDate.parse(d).isAfter(to));
    naiveConversion.keySet().removeIf(d -> LocalDate.parse(d).isBefore(from) || LocalDate.parse(d).isAfter(to));
    assertThat(impression).isEqualTo(naiveImpression);
    assertThat(conversion).isEqualTo(naiveConversion);
    long daily = Rollup.rollup(rows, Level.ADVERTISER, Optional.empty(), this::placement).stream().mapToLong(LevelRow::conversions).sum();
    long hourly = Rollup.rollup(cube.query("A", from, to, Granularity.HOUR), Level.ADVERTISER, Optional.empty(), this::placement).stream()
        .mapToLong(LevelRow::conversions).sum();
    long total = Rollup.rollup(cube.query("A", from, to, Granularity.TOTAL), Level.ADVERTISER, Optional.empty(), this::placement).stream()
        .mapToLong(LevelRow::conversions).sum();
    assertThat(hourly).as("hours sum to days").isEqualTo(daily).as("days sum to the total").isEqualTo(total);
    for (Level level : Level.values()) {
      assertThat(totals(Rollup.rollup(rows, level, Optional.empty(), this::placement))).as(level.name()).isEqualTo(totals(Rollup.rollup(rows, Level.ADVERTISER, Optional.empty(), this::placement)));
    }
  }

  /** Per period: conversions, real-time conversions, purchase value in cents. */
  static Map<String, List<Long>> totals(List<LevelRow> rows) {
    Map<String, long[]> out = new TreeMap<>();
    for (LevelRow r : rows) {
      long[] t = out.computeIfAbsent(r.period().map(Object::toString).orElse(""), k -> new long[3]);
      t[0] += r.conversions();
      t[1] += r.realTimeConversions();
      t[2] += r.purchaseValue().movePointRight(2).longValueExact();
    }
    Map<String, List<Long>> comparable = new TreeMap<>();
    out.forEach((k, v) -> comparable.put(k, List.of(v[0], v[1], v[2])));
    return comparable;
  }

  Optional<Placement> placement(String adId) {
    return PLACEMENTS.stream().filter(p -> p.adId().equals(adId)).findFirst();
  }

  static LedgerEntry entry(long seq, Step s) {
    Placement p = PLACEMENTS.get(s.placement());
    Instant touchTime = START.plusSeconds(s.touchOffset());
    Touch touch = new Touch("t" + seq, "A", p.adId(), TouchKind.values()[(int) (seq % 3)], touchTime, MatchKeys.NONE);
    Conversion c = new Conversion(seq, "A", "S", s.event(), "e" + seq, touchTime.plusSeconds(s.gap()), Optional.of(new BigDecimal("1.25")), "USD", MatchKeys.NONE);
    return new LedgerEntry(c, Optional.of(new Credit(touch, p, false)), true);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of("Purchase", "Lead", "AddToCart"),
        Arbitraries.longs().between(0, 12L * 86400), Arbitraries.longs().between(0, 3L * 86400), Arbitraries.of(false, false, true))
        .as(Step::new).list().ofMaxSize(60);
  }
}
