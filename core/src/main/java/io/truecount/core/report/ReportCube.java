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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Live aggregates of the ledger and of delivery facts, per advertiser, in 15-minute UTC buckets
 * (every time zone's offset is a multiple of 15 minutes, so local days and hours are exact
 * unions of buckets, DST included). Each counted conversion is tallied twice: on its credited
 * touch's time (impression basis) and on its own time (conversion basis). Ledger retractions
 * subtract exactly what they once added, so the cube always equals a recompute.
 */
public final class ReportCube implements LedgerListener {
  static final long BUCKET_SECONDS = 900;

  private record Cell(String adId, Measure measure, long bucket) {}

  private record Slot(String adId, long bucket) {}

  private final Function<String, String> advertiserCurrency;
  private final Map<String, Map<Cell, Tally>> cells = new ConcurrentHashMap<>();
  private final Map<String, Map<String, DeliveryFact>> delivery = new ConcurrentHashMap<>();

  /** @param advertiserCurrency the ISO currency of an advertiser, by id */
  public ReportCube(Function<String, String> advertiserCurrency) {
    this.advertiserCurrency = advertiserCurrency;
  }

  @Override
  public void changed(LedgerEntry before, LedgerEntry after) {
    if (before != null) {
      apply(before, -1);
    }
    apply(after, +1);
  }

  /** Inserts or replaces delivery facts (same ad and period start replaces). */
  public void delivery(List<DeliveryFact> facts) {
    for (DeliveryFact f : facts) {
      delivery.computeIfAbsent(f.advertiserId(), k -> new ConcurrentHashMap<>()).put(f.adId() + '\u0000' + f.start(), f);
    }
  }

  /** Rows per ad (and period) for an advertiser's local date range [start, end]. */
  public List<AdRow> query(String advertiserId, ZoneId zone, LocalDate start, LocalDate end, Granularity granularity) {
    long from = start.atStartOfDay(zone).toEpochSecond() / BUCKET_SECONDS;
    long to = end.plusDays(1).atStartOfDay(zone).toEpochSecond() / BUCKET_SECONDS;
    Map<Slot, Map<Measure, Tally>> tallies = new HashMap<>();
    Map<Slot, Delivery> deliveries = new HashMap<>();
    Map<Long, Long> periods = new HashMap<>();
    synchronized (this) {
      cells.getOrDefault(advertiserId, Map.of()).forEach((cell, tally) -> {
        if (cell.bucket() >= from && cell.bucket() < to && !tally.isZero()) {
          Slot slot = new Slot(cell.adId(), periods.computeIfAbsent(cell.bucket(), b -> period(b, zone, granularity)));
          tallies.computeIfAbsent(slot, k -> new HashMap<>()).merge(cell.measure(), tally, Tally::plus);
        }
      });
    }
    delivery.getOrDefault(advertiserId, Map.of()).values().forEach(f -> {
      long bucket = f.start().getEpochSecond() / BUCKET_SECONDS;
      if (bucket >= from && bucket < to) {
        Slot slot = new Slot(f.adId(), periods.computeIfAbsent(bucket, b -> period(b, zone, granularity)));
        deliveries.merge(slot, new Delivery(f.impressions(), f.clicks(), f.spend(), f.platformConversions().orElse(0L),
            f.platformValue().orElse(BigDecimal.ZERO)), Delivery::plus);
      }
    });
    Map<Slot, AdRow> rows = new TreeMap<>((a, b) -> a.adId().equals(b.adId()) ? Long.compare(a.bucket(), b.bucket()) : a.adId().compareTo(b.adId()));
    for (Slot slot : union(tallies, deliveries)) {
      Optional<LocalDateTime> label = granularity == Granularity.TOTAL ? Optional.empty()
          : Optional.of(LocalDateTime.ofEpochSecond(slot.bucket(), 0, java.time.ZoneOffset.UTC));
      rows.put(slot, new AdRow(slot.adId(), label, tallies.getOrDefault(slot, Map.of()), deliveries.getOrDefault(slot, Delivery.ZERO)));
    }
    return new ArrayList<>(rows.values());
  }

  private static List<Slot> union(Map<Slot, ?> a, Map<Slot, ?> b) {
    List<Slot> all = new ArrayList<>(a.keySet());
    b.keySet().stream().filter(s -> !a.containsKey(s)).forEach(all::add);
    return all;
  }

  /** The local period start of a bucket, encoded as the epoch second of that local date-time read as UTC (a sortable label). */
  private static long period(long bucket, ZoneId zone, Granularity granularity) {
    if (granularity == Granularity.TOTAL) {
      return 0;
    }
    LocalDateTime local = LocalDateTime.ofInstant(Instant.ofEpochSecond(bucket * BUCKET_SECONDS), zone);
    LocalDateTime start = granularity == Granularity.DAY ? local.truncatedTo(ChronoUnit.DAYS) : local.truncatedTo(ChronoUnit.HOURS);
    return start.toEpochSecond(java.time.ZoneOffset.UTC);
  }

  private synchronized void apply(LedgerEntry e, int sign) {
    if (!e.counted() || e.credit().isEmpty()) {
      return;
    }
    Conversion c = e.conversion();
    var credit = e.credit().get();
    String currency = advertiserCurrency.apply(c.advertiserId());
    boolean sameCurrency = c.currency().isEmpty() || c.currency().equals(currency);
    BigDecimal value = sameCurrency ? c.value().orElse(BigDecimal.ZERO) : BigDecimal.ZERO;
    Tally tally = new Tally(1, value, sameCurrency || c.value().isEmpty() ? 0 : 1).times(sign);
    Map<Cell, Tally> mine = cells.computeIfAbsent(c.advertiserId(), k -> new ConcurrentHashMap<>());
    add(mine, new Cell(credit.placement().adId(), new Measure(c.event(), credit.kind(), TimeBasis.IMPRESSION), bucket(credit.touchTime())), tally);
    add(mine, new Cell(credit.placement().adId(), new Measure(c.event(), credit.kind(), TimeBasis.CONVERSION), bucket(c.time())), tally);
  }

  private static void add(Map<Cell, Tally> cells, Cell cell, Tally tally) {
    Tally sum = cells.getOrDefault(cell, Tally.ZERO).plus(tally);
    if (sum.isZero()) {
      cells.remove(cell);
    } else {
      cells.put(cell, sum);
    }
  }

  private static long bucket(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), BUCKET_SECONDS);
  }
}
