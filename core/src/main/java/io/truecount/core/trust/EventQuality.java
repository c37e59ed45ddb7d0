package io.truecount.core.trust;

import io.truecount.core.EventNames;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.pipeline.EventHealth;
import io.truecount.core.pipeline.SourceHealthReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which event of a source best predicts revenue (seed 002): per event name its volume, type,
 * dedup rate, match quality, share attributed, the correlation of its daily counts with backend
 * revenue, precision/recall against backend orders (purchase-like events), and lead quality
 * (share of leads later followed by a qualified event from the same person), post-install quality
 * (installs followed by a purchase within 7 days); then a ranking and
 * a recommendation.
 */
public final class EventQuality {
  public static final Set<String> QUALIFIED = Set.of("ApplicationApproval", "CompleteRegistration", "Subscribe", "Purchase", "Schedule");
  static final Duration LEAD_FOLLOW_UP = Duration.ofDays(30);

  private EventQuality() {}

  /** One event name's evidence and score (0..1). */
  public record Row(String event, boolean business, long volume, double dedupRate, double matchQuality, double shareAttributed,
      Optional<Double> revenueCorrelation, Optional<Double> precision, Optional<Double> recall, Optional<Double> leadQuality,
      Optional<Double> postInstallQuality, double score, String verdict) {}

  static final Duration INSTALL_FOLLOW_UP = Duration.ofDays(7);

  /** The ranking (best first) and the recommendation in words. */
  public record Result(List<Row> ranking, String recommendation) {}

  public static Result rank(SourceHealthReport health, List<LedgerEntry> entries, List<BackendOrder> orders, ZoneId zone, LocalDate start, LocalDate end) {
    return rank(health, entries, orders, zone, start, end, QUALIFIED);
  }

  /** @param qualified the events that make a lead qualified when the same person sends one within 30 days */
  public static Result rank(SourceHealthReport health, List<LedgerEntry> entries, List<BackendOrder> orders, ZoneId zone, LocalDate start, LocalDate end,
      Set<String> qualified) {
    Map<String, List<Conversion>> byEvent = new HashMap<>();
    Map<String, Long> attributed = new HashMap<>();
    for (LedgerEntry e : entries) {
      LocalDate day = e.conversion().time().atZone(zone).toLocalDate();
      if (day.isBefore(start) || day.isAfter(end)) {
        continue;
      }
      byEvent.computeIfAbsent(e.conversion().event(), k -> new ArrayList<>()).add(e.conversion());
      attributed.merge(e.conversion().event(), e.credit().isPresent() ? 1L : 0L, Long::sum);
    }
    Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
    for (BackendOrder o : orders) {
      if (o.status() == BackendOrder.Status.PAID && !o.backendDay().isBefore(start) && !o.backendDay().isAfter(end)) {
        revenue.merge(o.backendDay(), o.value(), BigDecimal::add);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (EventHealth h : health.events()) {
      List<Conversion> conversions = byEvent.getOrDefault(h.reportedName(), List.of());
      if (rows.stream().anyMatch(r -> r.event().equals(h.reportedName()))) {
        continue;
      }
      long volume = conversions.size();
      double share = volume == 0 ? 0 : (double) attributed.getOrDefault(h.reportedName(), 0L) / volume;
      Optional<Double> correlation = orders.isEmpty() ? Optional.empty() : correlation(conversions, revenue, zone, start, end);
      Optional<Double> precision = Optional.empty();
      Optional<Double> recall = Optional.empty();
      if (!orders.isEmpty() && (EventNames.isValueEvent(h.reportedName()) || h.reportedName().equals("Purchase"))) {
        long matched = matchedOrders(conversions, orders, start, end);
        long paid = orders.stream().filter(o -> o.status() == BackendOrder.Status.PAID && !o.backendDay().isBefore(start) && !o.backendDay().isAfter(end)).count();
        precision = Optional.of(volume == 0 ? 0 : (double) matched / volume);
        recall = Optional.of(paid == 0 ? 0 : (double) matched / paid);
      }
      Optional<Double> leads = h.reportedName().equals("Lead") ? Optional.of(followedWithin(conversions, entries, qualified, LEAD_FOLLOW_UP)) : Optional.empty();
      Optional<Double> installs = h.reportedName().equals("InstallApp")
          ? Optional.of(followedWithin(conversions, entries, Set.of("Purchase"), INSTALL_FOLLOW_UP)) : Optional.empty();
      Optional<Double> followUp = leads.or(() -> installs);
      double score = h.businessEvent() ? score(h, share, correlation, precision, recall, followUp) : 0;
      rows.add(new Row(h.reportedName(), h.businessEvent(), volume, h.dedupRate(), h.matchQuality(), share, correlation, precision, recall, leads, installs,
          score, verdict(h, correlation, precision, followUp)));
    }
    rows.sort(Comparator.comparingDouble(Row::score).reversed().thenComparing(Row::event));
    return new Result(rows, recommendation(rows, !orders.isEmpty()));
  }

  static double score(EventHealth h, double share, Optional<Double> correlation, Optional<Double> precision, Optional<Double> recall, Optional<Double> leads) {
    double revenue = correlation.map(c -> Math.max(0, c)).orElse(EventNames.isValueEvent(h.reportedName()) ? 0.5 : 0.2);
    double accuracy = precision.isPresent() && recall.isPresent() ? (precision.get() + recall.get()) / 2 : leads.orElse(0.5);
    return 0.35 * revenue + 0.25 * accuracy + 0.15 * h.matchQuality() / 10 + 0.15 * share + 0.10 * (1 - Math.min(1, h.dedupRate() * 2));
  }

  static String verdict(EventHealth h, Optional<Double> correlation, Optional<Double> precision, Optional<Double> leads) {
    if (!h.businessEvent()) {
      return "page event: traffic, not an outcome";
    }
    if (h.dedupRate() > 0.2) {
      return "duplicated: " + Math.round(h.dedupRate() * 100) + "% of copies are duplicates";
    }
    if (correlation.isPresent() && correlation.get() < 0.2) {
      return "disconnected from revenue (correlation " + String.format("%.2f", correlation.get()) + ")";
    }
    if (precision.isPresent() && precision.get() < 0.7) {
      return "over-counts orders (precision " + String.format("%.2f", precision.get()) + ")";
    }
    if (leads.isPresent() && leads.get() < 0.1) {
      return h.reportedName().equals("InstallApp") ? "weak installs: few are followed by a purchase within 7 days" : "weak leads: few are followed by a qualified event";
    }
    return "reliable";
  }

  static String recommendation(List<Row> rows, boolean withRevenue) {
    Optional<Row> best = rows.stream().filter(Row::business).filter(r -> r.volume() > 0 && r.verdict().equals("reliable")).findFirst();
    List<String> weak = rows.stream().filter(Row::business).filter(r -> !r.verdict().equals("reliable")).map(r -> r.event() + " (" + r.verdict() + ")").toList();
    String head = best.map(r -> "Optimize for " + r.event() + ": it " + (withRevenue ? "tracks revenue best" : "is the strongest business signal; import orders to check it against revenue"))
        .orElse("No business event is reliable yet: fix tracking before optimizing.");
    return head + (weak.isEmpty() ? "" : " Stop relying on: " + String.join("; ", weak) + ".");
  }

  static Optional<Double> correlation(List<Conversion> conversions, Map<LocalDate, BigDecimal> revenue, ZoneId zone, LocalDate start, LocalDate end) {
    Map<LocalDate, Long> counts = new HashMap<>();
    conversions.forEach(c -> counts.merge(c.time().atZone(zone).toLocalDate(), 1L, Long::sum));
    List<double[]> pairs = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      pairs.add(new double[] {counts.getOrDefault(d, 0L), revenue.getOrDefault(d, BigDecimal.ZERO).doubleValue()});
    }
    if (pairs.size() < 5) {
      return Optional.empty();
    }
    double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
    double my = pairs.stream().mapToDouble(p -> p[1]).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (double[] p : pairs) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
      syy += (p[1] - my) * (p[1] - my);
    }
    return sxx == 0 || syy == 0 ? Optional.of(0.0) : Optional.of(sxy / Math.sqrt(sxx * syy));
  }

  static long matchedOrders(List<Conversion> conversions, List<BackendOrder> orders, LocalDate start, LocalDate end) {
    Set<String> ids = new HashSet<>();
    Set<String> emails = new HashSet<>();
    for (Conversion c : conversions) {
      ids.add(Reconciliation.normalize(c.orderId()));
      ids.add(Reconciliation.normalize(c.eventId()));
      emails.addAll(c.keys().emails());
    }
    return orders.stream().filter(o -> o.status() == BackendOrder.Status.PAID && !o.backendDay().isBefore(start) && !o.backendDay().isAfter(end))
        .filter(o -> ids.contains(Reconciliation.normalize(o.orderId())) || o.emails().stream().anyMatch(emails::contains)).count();
  }

  /**
   * Share of {@code first} events followed within {@code window} by one of {@code then} from the same
   * person: leads by a qualified event (lead quality), installs by a purchase (post-install quality).
   */
  static double followedWithin(List<Conversion> leads, List<LedgerEntry> all, Set<String> then, Duration window) {
    if (leads.isEmpty()) {
      return 0;
    }
    Map<String, List<Conversion>> qualifiedByKey = new HashMap<>();
    for (LedgerEntry e : all) {
      Conversion c = e.conversion();
      if (then.contains(c.event())) {
        keys(c).forEach(k -> qualifiedByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(c));
      }
    }
    long followed = 0;
    for (Conversion lead : leads) {
      boolean found = keys(lead).stream().flatMap(k -> qualifiedByKey.getOrDefault(k, List.of()).stream())
          .anyMatch(q -> !q.time().isBefore(lead.time()) && Duration.between(lead.time(), q.time()).compareTo(window) <= 0);
      followed += found ? 1 : 0;
    }
    return (double) followed / leads.size();
  }

  private static List<String> keys(Conversion c) {
    List<String> keys = new ArrayList<>();
    c.keys().emails().forEach(k -> keys.add("e:" + k));
    c.keys().phones().forEach(k -> keys.add("p:" + k));
    c.keys().externalIds().forEach(k -> keys.add("x:" + k));
    if (!c.keys().ttp().isEmpty()) {
      keys.add("t:" + c.keys().ttp());
    }
    return keys;
  }
}
