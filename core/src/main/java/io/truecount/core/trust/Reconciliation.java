package io.truecount.core.trust;

import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reconciles backend orders with Truecount's purchases for a date range (docs/trust.md). Each
 * backend order of the range gets one category, each purchase Truecount counts in the range that
 * no counted order explains gets one, so that
 * {@code truecount − backend = Σ Truecount-side categories − Σ backend-side categories} exactly.
 * Matching: order id against the event's {@code order_id} or {@code event_id} (normalized: no
 * '#', lower case), else a shared hashed email or phone within 2 hours; each conversion matches
 * at most one order.
 */
public final class Reconciliation {
  static final Duration PROXIMITY = Duration.ofHours(2);
  static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(30);

  private Reconciliation() {}

  /** One line of the order-by-order table. */
  public record Line(Gap gap, Optional<BackendOrder> order, Optional<LedgerEntry> conversion, String matchedBy, List<String> notes) {}

  /** The result: the three totals, every line, and the count per category. */
  public record Result(long backendOrders, long truecountConversions, List<Line> lines, Map<Gap, Long> byGap, BigDecimal backendValue,
      BigDecimal truecountValue) {
    /** The identity every result satisfies. */
    public boolean addsUp() {
      long explained = 0;
      for (Map.Entry<Gap, Long> e : byGap.entrySet()) {
        explained += e.getKey().side() == Gap.Side.TRUECOUNT ? e.getValue() : e.getKey().side() == Gap.Side.BACKEND ? -e.getValue() : 0;
      }
      return truecountConversions - backendOrders == explained;
    }
  }

  /**
   * @param purchases every ledger entry of the compared source and event (all days)
   * @param cutoff events received after it count as reporting delay
   */
  public static Result reconcile(List<BackendOrder> orders, List<LedgerEntry> purchases, ZoneId zone, LocalDate start, LocalDate end, Instant cutoff) {
    return reconcile(orders, purchases, zone, start, end, cutoff, Set.of());
  }

  /** @param campaigns compare only conversions credited to these campaigns (empty: all) */
  public static Result reconcile(List<BackendOrder> orders, List<LedgerEntry> purchases, ZoneId zone, LocalDate start, LocalDate end, Instant cutoff,
      Set<String> campaigns) {
    Map<String, LedgerEntry> byId = new HashMap<>();
    Map<String, List<LedgerEntry>> byKey = new HashMap<>();
    for (LedgerEntry e : purchases) {
      Conversion c = e.conversion();
      if (!c.orderId().isEmpty()) {
        byId.putIfAbsent(normalize(c.orderId()), e);
      }
      if (!c.eventId().isEmpty()) {
        byId.putIfAbsent(normalize(c.eventId()), e);
      }
      c.keys().emails().forEach(k -> byKey.computeIfAbsent("e:" + k, x -> new ArrayList<>()).add(e));
      c.keys().phones().forEach(k -> byKey.computeIfAbsent("p:" + k, x -> new ArrayList<>()).add(e));
    }
    Set<Long> taken = new HashSet<>();
    Map<Long, BackendOrder> matchedOrder = new HashMap<>();
    List<Line> lines = new ArrayList<>();
    List<BackendOrder> sorted = new ArrayList<>(orders);
    sorted.sort(Comparator.comparing(BackendOrder::createdAt));
    Map<BackendOrder, Match> matches = new HashMap<>();
    for (BackendOrder o : sorted) {
      Optional<Match> m = match(o, byId, byKey, taken);
      m.ifPresent(x -> {
        taken.add(x.entry().conversion().seq());
        matchedOrder.put(x.entry().conversion().seq(), o);
        matches.put(o, x);
      });
    }
    long backend = 0;
    BigDecimal backendValue = BigDecimal.ZERO;
    Set<Long> explained = new HashSet<>();
    for (BackendOrder o : sorted) {
      if (o.backendDay().isBefore(start) || o.backendDay().isAfter(end)) {
        continue;
      }
      backend++;
      backendValue = backendValue.add(o.value());
      Match m = matches.get(o);
      Line line = orderLine(o, m, zone, start, end, cutoff, campaigns);
      if (line.gap() == Gap.COUNTED) {
        explained.add(m.entry().conversion().seq());
      }
      lines.add(line);
    }
    long truecount = 0;
    BigDecimal truecountValue = BigDecimal.ZERO;
    for (LedgerEntry e : purchases) {
      if (!countedInRange(e, zone, start, end) || e.conversion().receivedAt().isAfter(cutoff) || !inCampaigns(e, campaigns)) {
        continue;
      }
      truecount++;
      truecountValue = truecountValue.add(e.conversion().value().orElse(BigDecimal.ZERO));
      if (explained.contains(e.conversion().seq())) {
        continue;
      }
      BackendOrder order = matchedOrder.get(e.conversion().seq());
      Gap gap = order != null && (order.backendDay().isBefore(start) || order.backendDay().isAfter(end)) ? Gap.ORDER_ON_ANOTHER_DAY
          : duplicate(e, purchases) ? Gap.DUPLICATE_WITHOUT_EVENT_ID : Gap.NO_BACKEND_ORDER;
      List<String> notes = new ArrayList<>();
      if (order != null && gap == Gap.NO_BACKEND_ORDER) {
        notes.add("its order " + order.orderId() + " is " + order.status().name().toLowerCase(Locale.ROOT) + " in the backend");
      }
      lines.add(new Line(gap, Optional.ofNullable(order), Optional.of(e), order == null ? "" : "order", notes));
    }
    Map<Gap, Long> byGap = new EnumMap<>(Gap.class);
    lines.forEach(l -> byGap.merge(l.gap(), 1L, Long::sum));
    return new Result(backend, truecount, lines, byGap, backendValue, truecountValue);
  }

  private record Match(LedgerEntry entry, String by) {}

  private static boolean inCampaigns(LedgerEntry e, Set<String> campaigns) {
    return campaigns.isEmpty() || e.credit().map(c -> campaigns.contains(c.placement().campaignId())).orElse(false);
  }

  private static Line orderLine(BackendOrder o, Match m, ZoneId zone, LocalDate start, LocalDate end, Instant cutoff, Set<String> campaigns) {
    List<String> notes = new ArrayList<>();
    Optional<LedgerEntry> entry = Optional.ofNullable(m).map(Match::entry);
    String by = m == null ? "" : m.by();
    if (o.status() == BackendOrder.Status.TEST) {
      return new Line(Gap.TEST_ORDER, Optional.of(o), entry, by, notes);
    }
    if (o.status() == BackendOrder.Status.REFUNDED || o.status() == BackendOrder.Status.CANCELLED) {
      return new Line(Gap.REFUNDED_OR_CANCELLED, Optional.of(o), entry, by, notes);
    }
    if (m == null) {
      return new Line(Gap.NO_EVENT_RECEIVED, Optional.of(o), entry, by, notes);
    }
    LedgerEntry e = m.entry();
    if (e.conversion().receivedAt().isAfter(cutoff)) {
      return new Line(Gap.ARRIVED_AFTER_CUTOFF, Optional.of(o), entry, by, List.of("received " + e.conversion().receivedAt()));
    }
    if (e.credit().isEmpty()) {
      return new Line(Gap.RECEIVED_UNATTRIBUTED, Optional.of(o), entry, by, notes);
    }
    if (!inCampaigns(e, campaigns)) {
      return new Line(Gap.OTHER_CAMPAIGN, Optional.of(o), entry, by, List.of("credited to campaign " + e.credit().get().placement().campaignId()));
    }
    if (!e.counted()) {
      return new Line(Gap.NOT_COUNTED_ONCE, Optional.of(o), entry, by, notes);
    }
    LocalDate reportDay = e.credit().get().touchTime().atZone(zone).toLocalDate();
    if (reportDay.isBefore(start) || reportDay.isAfter(end)) {
      return new Line(Gap.DIFFERENT_DAY, Optional.of(o), entry, by, List.of("reported on " + reportDay + " (the " + e.credit().get().kind().wireName()
          + " day, advertiser time); the backend has it on " + o.backendDay()));
    }
    if (e.credit().get().kind() != TouchKind.CLICK) {
      notes.add("view-through: credited to a " + e.credit().get().kind().wireName() + ", which the backend cannot see");
    }
    BigDecimal value = e.conversion().value().orElse(BigDecimal.ZERO);
    if (value.subtract(o.value()).abs().compareTo(new BigDecimal("0.01")) > 0 || !e.conversion().currency().equalsIgnoreCase(o.currency())) {
      notes.add("value/currency mismatch: event " + value.toPlainString() + " " + e.conversion().currency() + " vs order " + o.value().toPlainString() + " " + o.currency());
    }
    return new Line(Gap.COUNTED, Optional.of(o), entry, by, notes);
  }

  private static Optional<Match> match(BackendOrder o, Map<String, LedgerEntry> byId, Map<String, List<LedgerEntry>> byKey, Set<Long> taken) {
    LedgerEntry direct = byId.get(normalize(o.orderId()));
    if (direct != null && !taken.contains(direct.conversion().seq())) {
      return Optional.of(new Match(direct, "order id"));
    }
    LedgerEntry best = null;
    String by = "";
    for (String key : keys(o)) {
      for (LedgerEntry e : byKey.getOrDefault(key, List.of())) {
        Duration gap = Duration.between(o.createdAt(), e.conversion().time()).abs();
        if (taken.contains(e.conversion().seq()) || gap.compareTo(PROXIMITY) > 0) {
          continue;
        }
        if (best == null || gap.compareTo(Duration.between(o.createdAt(), best.conversion().time()).abs()) < 0) {
          best = e;
          by = (key.startsWith("e:") ? "email" : "phone") + " and time (" + gap.toMinutes() + " min apart)";
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Match(best, by));
  }

  private static List<String> keys(BackendOrder o) {
    List<String> keys = new ArrayList<>();
    o.emails().forEach(k -> keys.add("e:" + k));
    o.phones().forEach(k -> keys.add("p:" + k));
    return keys;
  }

  private static boolean duplicate(LedgerEntry e, List<LedgerEntry> all) {
    Conversion c = e.conversion();
    if (!c.eventId().isEmpty()) {
      return false;
    }
    for (LedgerEntry other : all) {
      Conversion o = other.conversion();
      if (o.seq() < c.seq() && o.keys().equals(c.keys()) && o.value().equals(c.value())
          && Duration.between(o.time(), c.time()).abs().compareTo(DUPLICATE_WINDOW) <= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean countedInRange(LedgerEntry e, ZoneId zone, LocalDate start, LocalDate end) {
    if (!e.counted() || e.credit().isEmpty()) {
      return false;
    }
    LocalDate day = e.credit().get().touchTime().atZone(zone).toLocalDate();
    return !day.isBefore(start) && !day.isAfter(end);
  }

  static String normalize(String id) {
    String s = id.trim().toLowerCase(Locale.ROOT);
    return s.startsWith("#") ? s.substring(1) : s;
  }
}
