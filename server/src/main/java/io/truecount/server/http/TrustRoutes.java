package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.report.Granularity;
import io.truecount.core.trust.Gap;
import io.truecount.core.trust.Reconciliation;
import io.truecount.server.admin.AdminException;
import io.truecount.server.trust.ShopifyOrders;
import io.truecount.wire.Json;
import io.truecount.wire.Problem;
import io.truecount.wire.WireException;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reconciliation of an uploaded store export with Truecount's purchases, every gap by cause (admin). */
public final class TrustRoutes {
  private static final int MAX_LINES = 5_000;
  private final AdsParts p;

  public TrustRoutes(AdsParts parts) {
    this.p = parts;
  }

  List<Route> routes() {
    return List.of(new Route("POST", "/api/v1/reconciliations", Access.ADMIN, AdminHandler.upload(this::reconcile)).maxBody(AdminHandler.MAX_UPLOAD),
        new Route("GET", "/api/v1/anomalies", Access.ADMIN, new AdminHandler(this::anomalies)),
        new Route("POST", "/api/v1/event-quality", Access.ADMIN, AdminHandler.upload(this::eventQuality)).maxBody(AdminHandler.MAX_UPLOAD),
        new Route("POST", "/api/v1/anomalies/{id}/dismiss", Access.ADMIN, new AdminHandler(r -> {
          p.anomalies().dismiss(r.path("id"));
          return Json.MAPPER.createObjectNode().put("id", r.path("id")).put("dismissed", true);
        })));
  }

  /** Event quality of a source; the body may be a Shopify export (revenue, precision/recall) or empty. */
  private JsonNode eventQuality(JsonRequest r) {
    EventSource source = source(r);
    String sourceId = source.id();
    Advertiser advertiser = p.catalog().advertiser(source.advertiserId()).orElseThrow();
    LocalDate end = r.date("end_date").orElse(p.clock().instant().atZone(advertiser.zone()).toLocalDate());
    LocalDate start = r.date("start_date").orElse(end.minusDays(13));
    List<io.truecount.core.trust.BackendOrder> orders = r.raw().length == 0 ? List.of()
        : orders(r, r.param("format").orElse("shopify").toLowerCase(Locale.ROOT), advertiser).orders();
    List<LedgerEntry> entries = p.attribution().entries(advertiser.id(), Instant.MIN, Instant.MAX, v -> v.sourceId().equals(sourceId));
    java.util.Set<String> qualified = r.param("qualified_events").map(q -> java.util.Set.of(q.split(","))).orElse(io.truecount.core.trust.EventQuality.QUALIFIED);
    var result = io.truecount.core.trust.EventQuality.rank(p.health().report(sourceId), entries, orders, advertiser.zone(), start, end, qualified);
    ObjectNode node = Json.MAPPER.createObjectNode().put("event_source_id", sourceId).put("start_date", start.toString()).put("end_date", end.toString())
        .put("orders_imported", orders.size()).put("recommendation", result.recommendation());
    ArrayNode ranking = node.putArray("ranking");
    for (var row : result.ranking()) {
      ObjectNode item = ranking.addObject().put("event", row.event()).put("type", row.business() ? "business" : "page").put("volume", row.volume())
          .put("dedup_rate", round(row.dedupRate())).put("match_quality", row.matchQuality()).put("share_attributed", round(row.shareAttributed()))
          .put("score", round(row.score())).put("verdict", row.verdict());
      row.revenueCorrelation().ifPresent(v -> item.put("revenue_correlation", round(v)));
      row.precision().ifPresent(v -> item.put("precision", round(v)));
      row.recall().ifPresent(v -> item.put("recall", round(v)));
      row.leadQuality().ifPresent(v -> item.put("lead_quality", round(v)));
      row.postInstallQuality().ifPresent(v -> item.put("post_install_quality", round(v)));
    }
    return node;
  }

  /** Reads the uploaded export in its format: shopify, ga4 (BigQuery NDJSON), ga4-csv, or csv with {@code columns=field:Header,...}. */
  private static ShopifyOrders.Result orders(JsonRequest r, String format, Advertiser advertiser) {
    var reader = new InputStreamReader(new ByteArrayInputStream(r.raw()), StandardCharsets.UTF_8);
    try {
      return switch (format) {
        case "shopify" -> ShopifyOrders.read(reader, advertiser.country());
        case "ga4" -> io.truecount.server.trust.Ga4Orders.ndjson(reader, advertiser.currency(), advertiser.zone());
        case "ga4-csv" -> io.truecount.server.trust.Ga4Orders.csv(reader, advertiser.currency(), advertiser.zone());
        case "csv" -> io.truecount.server.trust.GenericOrders.read(reader, io.truecount.server.trust.GenericOrders.mapping(r.param("columns")
            .orElseThrow(() -> AdminException.invalid("columns: required for format csv, e.g. order_id:Order No,time:Created,value:Total,email:Email"))),
            advertiser.currency(), advertiser.country(), advertiser.zone());
        default -> throw AdminException.invalid("format " + format + ": one of shopify, ga4, ga4-csv, csv");
      };
    } catch (WireException e) {
      throw AdminException.invalid(e.getMessage());
    }
  }

  /** The three series a chart draws per day: backend orders, Truecount purchases (impression basis), platform-reported. */
  private ArrayNode daily(List<io.truecount.core.trust.BackendOrder> orders, List<LedgerEntry> purchases, Advertiser advertiser, LocalDate start, LocalDate end) {
    java.util.Map<LocalDate, long[]> days = new java.util.TreeMap<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      days.put(d, new long[3]);
    }
    orders.forEach(o -> java.util.Optional.ofNullable(days.get(o.backendDay())).ifPresent(c -> c[0]++));
    for (LedgerEntry e : purchases) {
      if (e.counted() && e.credit().isPresent()) {
        java.util.Optional.ofNullable(days.get(e.credit().get().touchTime().atZone(advertiser.zone()).toLocalDate())).ifPresent(c -> c[1]++);
      }
    }
    for (var row : p.cube().query(advertiser.id(), start, end, Granularity.DAY)) {
      row.period().map(java.time.LocalDateTime::toLocalDate).map(days::get).ifPresent(c -> c[2] += row.delivery().platformConversions());
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    days.forEach((d, c) -> out.addObject().put("date", d.toString()).put("backend_orders", c[0]).put("truecount", c[1]).put("platform_reported", c[2]));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private JsonNode anomalies(JsonRequest r) {
    String advertiserId = r.param("advertiser_id").orElseThrow(() -> AdminException.invalid("advertiser_id: required query parameter"));
    p.catalog().advertiser(advertiserId).orElseThrow(() -> AdminException.notFound("advertiser", advertiserId));
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (var listed : p.anomalies().list(advertiserId, r.param("include_dismissed").map(Boolean::parseBoolean).orElse(false))) {
      var a = listed.anomaly();
      list.addObject().put("id", a.id()).put("kind", a.kind().name().toLowerCase(Locale.ROOT)).put("event_source_id", a.sourceId()).put("campaign_id", a.campaignId()).put("event", a.event())
          .put("first_seen", a.firstSeen().toString()).put("evidence", a.evidence()).put("probable_cause", a.probableCause()).put("fix", a.fix())
          .put("dismissed", listed.dismissed());
    }
    return list;
  }

  /** Reconciles an uploaded export (bytes of the request) against Truecount; parameters as in the API. */
  public ObjectNode reconcile(JsonRequest r) {
    EventSource source = source(r);
    String sourceId = source.id();
    Advertiser advertiser = p.catalog().advertiser(source.advertiserId()).orElseThrow();
    String format = r.param("format").orElse("shopify").toLowerCase(Locale.ROOT);
    LocalDate end = r.date("end_date").orElse(p.clock().instant().atZone(advertiser.zone()).toLocalDate());
    LocalDate start = r.date("start_date").orElse(end.minusDays(6));
    Instant cutoff = r.param("cutoff").map(TrustRoutes::instant).orElse(p.clock().instant());
    String event = r.param("event").orElse("Purchase");
    ShopifyOrders.Result imported = orders(r, format, advertiser);
    List<LedgerEntry> purchases = p.attribution().entries(advertiser.id(), Instant.MIN, Instant.MAX, // every day: orders of the range may match purchases of others
        v -> v.sourceId().equals(sourceId) && v.event().equals(event));
    java.util.Set<String> campaigns = r.param("campaign_ids").map(c -> java.util.Set.of(c.split(","))).orElse(java.util.Set.of());
    Reconciliation.Result result = Reconciliation.reconcile(imported.orders(), purchases, advertiser.zone(), start, end, cutoff, campaigns);
    long platform = p.cube().query(advertiser.id(), start, end, Granularity.TOTAL).stream().mapToLong(row -> row.delivery().platformConversions()).sum();
    ObjectNode node = view(result, imported, platform, start, end, cutoff, advertiser);
    ArrayNode daily = daily(imported.orders(), purchases, advertiser, start, end);
    node.set("daily", daily);
    List<String> dates = new java.util.ArrayList<>();
    long[][] series = new long[daily.size()][];
    for (int i = 0; i < daily.size(); i++) {
      JsonNode d = daily.get(i);
      dates.add(d.path("date").asText());
      series[i] = new long[] {d.path("backend_orders").asLong(), d.path("truecount").asLong(), d.path("platform_reported").asLong()};
    }
    node.putObject("charts").put("waterfall_svg", io.truecount.server.trust.ReconciliationCharts.waterfall(result, platform))
        .put("daily_svg", io.truecount.server.trust.ReconciliationCharts.daily(dates, series));
    return node;
  }

  private static ObjectNode view(Reconciliation.Result result, ShopifyOrders.Result imported, long platform, LocalDate start, LocalDate end, Instant cutoff,
      Advertiser advertiser) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("start_date", start.toString()).put("end_date", end.toString())
        .put("time_zone", advertiser.zone().getId()).put("cutoff", cutoff.toString())
        .put("backend_orders", result.backendOrders()).put("truecount_conversions", result.truecountConversions())
        .put("difference", result.truecountConversions() - result.backendOrders()).put("adds_up", result.addsUp())
        .put("backend_value", result.backendValue().setScale(2, RoundingMode.HALF_UP).toPlainString())
        .put("truecount_value", result.truecountValue().setScale(2, RoundingMode.HALF_UP).toPlainString())
        .put("platform_reported", platform).put("rows_read", imported.rows()).put("orders_read", imported.orders().size())
        .put("counted_view_through_only", result.lines().stream().filter(l -> l.gap() == Gap.COUNTED && l.notes().stream().anyMatch(n -> n.startsWith("view-through"))).count())
        .put("counted_value_mismatch", result.lines().stream().filter(l -> l.gap() == Gap.COUNTED && l.notes().stream().anyMatch(n -> n.startsWith("value/currency"))).count());
    ArrayNode gaps = node.putArray("gaps");
    for (Map.Entry<Gap, Long> g : result.byGap().entrySet()) {
      gaps.addObject().put("category", g.getKey().name().toLowerCase(Locale.ROOT)).put("label", g.getKey().label())
          .put("side", g.getKey().side().name().toLowerCase(Locale.ROOT)).put("count", g.getValue())
          .put("effect_on_difference", g.getKey().side() == Gap.Side.TRUECOUNT ? g.getValue() : g.getKey().side() == Gap.Side.BACKEND ? -g.getValue() : 0);
    }
    ArrayNode lines = node.putArray("lines");
    for (Reconciliation.Line l : result.lines().subList(0, Math.min(MAX_LINES, result.lines().size()))) {
      ObjectNode line = lines.addObject().put("category", l.gap().name().toLowerCase(Locale.ROOT)).put("matched_by", l.matchedBy());
      l.order().ifPresent(o -> line.put("order_id", o.orderId()).put("backend_day", o.backendDay().toString())
          .put("order_value", o.value().toPlainString()).put("currency", o.currency()).put("status", o.status().name().toLowerCase(Locale.ROOT)).put("line", o.line()));
      l.conversion().ifPresent(e -> {
        line.put("event_seq", e.conversion().seq()).put("event_id", e.conversion().eventId()).put("event_time", e.conversion().time().toString());
        e.credit().ifPresent(c -> line.put("credited_ad", c.placement().adId()).put("credited_kind", c.kind().wireName()));
      });
      l.notes().forEach(line.withArray("notes")::add);
    }
    node.put("lines_truncated", result.lines().size() > MAX_LINES);
    ArrayNode problems = node.putArray("import_problems");
    for (Problem pr : imported.problems()) {
      problems.addObject().put("field", pr.field()).put("value", pr.value()).put("rule", pr.rule());
    }
    return node;
  }

  private EventSource source(JsonRequest r) {
    String id = r.param("event_source_id").orElseThrow(() -> AdminException.invalid("event_source_id: required query parameter"));
    return p.catalog().source(id).orElseThrow(() -> AdminException.notFound("event source", id));
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw AdminException.invalid("cutoff " + text + ": an ISO instant such as 2026-11-24T03:00:00Z");
    }
  }

}
