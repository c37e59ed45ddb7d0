package io.truecount.core.report;

import io.truecount.core.ads.DeliveryFact;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.LedgerListener;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Live aggregates of the ledger and of delivery facts, per advertiser, pre-summed by the
 * advertiser's local day and local hour, and by UTC day and hour for reports "in UTC" (DST-exact: a fall-back day has 25 hours, both 01:00 hours
 * land in the same local hour). Each counted conversion is tallied on its credited touch's time
 * (impression basis) and on its own time (conversion basis). A ledger retraction subtracts
 * exactly what it once added, so the cube always equals a recompute. A day or total query reads
 * only the day cells of its range; an hour query the hour cells.
 */
public final class ReportCube implements LedgerListener {
  private record Cell(String adId, Measure measure) {}

  /** One advertiser's cells: period label (epoch second of the local start, read as UTC) → cells. */
  private static final class Periods {
    final Zoned local = new Zoned();
    final Zoned utc = new Zoned();
    final Map<String, DeliveryFact> facts = new HashMap<>();
  }

  /** Cells by day and by hour in one time zone. */
  private static final class Zoned {
    final NavigableMap<Long, Map<Cell, Tally>> days = new TreeMap<>();
    final NavigableMap<Long, Map<Cell, Tally>> hours = new TreeMap<>();
    final NavigableMap<Long, Map<String, Delivery>> deliveryDays = new TreeMap<>();
    final NavigableMap<Long, Map<String, Delivery>> deliveryHours = new TreeMap<>();
  }

  private final Function<String, String> advertiserCurrency;
  private final Function<String, ZoneId> advertiserZone;
  private final Map<String, Periods> advertisers = new HashMap<>();

  /** @param advertiserCurrency and {@code advertiserZone}: an advertiser's ISO currency and IANA zone, by id */
  public ReportCube(Function<String, String> advertiserCurrency, Function<String, ZoneId> advertiserZone) {
    this.advertiserCurrency = advertiserCurrency;
    this.advertiserZone = advertiserZone;
  }

  @Override
  public synchronized void changed(LedgerEntry before, LedgerEntry after) {
    if (before != null) {
      apply(before, -1);
    }
    apply(after, +1);
  }

  /** Inserts or replaces delivery facts (the same ad and period start replaces). */
  public synchronized void delivery(List<DeliveryFact> facts) {
    for (DeliveryFact f : facts) {
      Periods p = periods(f.advertiserId());
      ZoneId zone = advertiserZone.apply(f.advertiserId());
      DeliveryFact previous = p.facts.put(f.adId() + '\u0000' + f.start(), f);
      if (previous != null) {
        addDelivery(p.local, zone, previous, -1);
        addDelivery(p.utc, ZoneOffset.UTC, previous, -1);
      }
      addDelivery(p.local, zone, f, +1);
      addDelivery(p.utc, ZoneOffset.UTC, f, +1);
    }
  }

  /** Rows per ad (and local day or hour) for an advertiser's local date range [start, end]. */
  public List<AdRow> query(String advertiserId, LocalDate start, LocalDate end, Granularity granularity) {
    return query(advertiserId, start, end, granularity, false);
  }

  /** The same, with days and hours in UTC instead of the advertiser's zone when {@code utc}. */
  public synchronized List<AdRow> query(String advertiserId, LocalDate start, LocalDate end, Granularity granularity, boolean utc) {
    Periods periods = advertisers.get(advertiserId);
    if (periods == null) {
      return List.of();
    }
    Zoned p = utc ? periods.utc : periods.local;
    long from = start.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    long to = end.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    boolean hourly = granularity == Granularity.HOUR;
    Map<String, Map<Long, Map<Measure, Tally>>> tallies = new TreeMap<>();
    (hourly ? p.hours : p.days).subMap(from, true, to, false).forEach((period, cells) -> {
      long label = granularity == Granularity.TOTAL ? 0 : period;
      cells.forEach((cell, tally) -> tallies.computeIfAbsent(cell.adId(), k -> new TreeMap<>()).computeIfAbsent(label, k -> new HashMap<>())
          .merge(cell.measure(), tally, Tally::plus));
    });
    Map<String, Map<Long, Delivery>> deliveries = new TreeMap<>();
    (hourly ? p.deliveryHours : p.deliveryDays).subMap(from, true, to, false).forEach((period, byAd) -> {
      long label = granularity == Granularity.TOTAL ? 0 : period;
      byAd.forEach((ad, d) -> deliveries.computeIfAbsent(ad, k -> new TreeMap<>()).merge(label, d, Delivery::plus));
    });
    List<AdRow> rows = new ArrayList<>();
    java.util.Set<String> ads = new java.util.TreeSet<>(tallies.keySet());
    ads.addAll(deliveries.keySet());
    for (String ad : ads) {
      Map<Long, Map<Measure, Tally>> byPeriod = tallies.getOrDefault(ad, Map.of());
      Map<Long, Delivery> deliveryByPeriod = deliveries.getOrDefault(ad, Map.of());
      java.util.Set<Long> labels = new java.util.TreeSet<>(byPeriod.keySet());
      labels.addAll(deliveryByPeriod.keySet());
      for (long label : labels) {
        Optional<LocalDateTime> period = granularity == Granularity.TOTAL ? Optional.empty() : Optional.of(LocalDateTime.ofEpochSecond(label, 0, ZoneOffset.UTC));
        rows.add(new AdRow(ad, period, byPeriod.getOrDefault(label, Map.of()), deliveryByPeriod.getOrDefault(label, Delivery.ZERO)));
      }
    }
    return rows;
  }

  private void apply(LedgerEntry e, int sign) {
    if (!e.counted() || e.credit().isEmpty()) {
      return;
    }
    Conversion c = e.conversion();
    var credit = e.credit().get();
    String currency = advertiserCurrency.apply(c.advertiserId());
    boolean sameCurrency = c.currency().isEmpty() || c.currency().equals(currency);
    BigDecimal value = sameCurrency ? c.value().orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
    Tally tally = new Tally(1, value, sameCurrency || c.value().isEmpty() ? 0 : 1).times(sign);
    Periods p = periods(c.advertiserId());
    ZoneId zone = advertiserZone.apply(c.advertiserId());
    String ad = credit.placement().adId();
    Cell impression = new Cell(ad, new Measure(c.event(), credit.kind(), TimeBasis.IMPRESSION));
    Cell conversion = new Cell(ad, new Measure(c.event(), credit.kind(), TimeBasis.CONVERSION));
    add(p.local, zone, impression, credit.touchTime(), tally);
    add(p.local, zone, conversion, c.time(), tally);
    add(p.utc, ZoneOffset.UTC, impression, credit.touchTime(), tally);
    add(p.utc, ZoneOffset.UTC, conversion, c.time(), tally);
  }

  private static void add(Zoned p, ZoneId zone, Cell cell, Instant at, Tally tally) {
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    merge(p.days.computeIfAbsent(label(local.truncatedTo(ChronoUnit.DAYS)), k -> new HashMap<>()), cell, tally);
    merge(p.hours.computeIfAbsent(label(local.truncatedTo(ChronoUnit.HOURS)), k -> new HashMap<>()), cell, tally);
  }

  private static void addDelivery(Zoned p, ZoneId zone, DeliveryFact f, int sign) {
    LocalDateTime local = LocalDateTime.ofInstant(f.start(), zone);
    Delivery d = new Delivery(sign * f.impressions(), sign * f.clicks(), sign > 0 ? f.spend() : f.spend().negate(),
        sign * f.platformConversions().orElse(0L), sign > 0 ? f.platformValue().orElse(BigDecimal.ZERO) : f.platformValue().orElse(BigDecimal.ZERO).negate());
    p.deliveryDays.computeIfAbsent(label(local.truncatedTo(ChronoUnit.DAYS)), k -> new HashMap<>()).merge(f.adId(), d, Delivery::plus);
    p.deliveryHours.computeIfAbsent(label(local.truncatedTo(ChronoUnit.HOURS)), k -> new HashMap<>()).merge(f.adId(), d, Delivery::plus);
  }

  private static void merge(Map<Cell, Tally> cells, Cell cell, Tally tally) {
    Tally sum = cells.getOrDefault(cell, Tally.ZERO).plus(tally);
    if (sum.isZero()) {
      cells.remove(cell);
    } else {
      cells.put(cell, sum);
    }
  }

  private static long label(LocalDateTime localStart) {
    return localStart.toEpochSecond(ZoneOffset.UTC);
  }

  private Periods periods(String advertiserId) {
    return advertisers.computeIfAbsent(advertiserId, k -> new Periods());
  }
}
