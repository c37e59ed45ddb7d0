package io.truecount.server.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Advertiser;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.report.Granularity;
import io.truecount.core.report.Level;
import io.truecount.core.spi.Catalog;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.ads.Drilldown;
import io.truecount.server.ads.ReportService;
import io.truecount.server.http.JsonRequest;
import io.truecount.server.http.ReportRoutes;
import io.truecount.wire.Json;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reports: level tabs, event picker, time-basis toggle, date range in the advertiser's zone, KPI
 * tiles, a daily chart, a sortable table whose numbers open the conversions behind them, and the
 * CSV the API gives for the same parameters.
 */
final class ReportsPage {
  private final ReportService reports;
  private final ReportRoutes routes;
  private final Drilldown drilldown;
  private final AdsAdmin ads;
  private final Catalog catalog;
  private final SourceHealth health;
  private final io.truecount.core.attribution.Attribution attribution;
  private final UiFrame frame;
  private final io.truecount.server.ads.RecentDays recentDays;

  ReportsPage(ReportService reports, ReportRoutes routes, AdsAdmin ads, Catalog catalog, SourceHealth health,
      io.truecount.core.attribution.Attribution attribution, io.truecount.server.ads.RecentDays recentDays, UiFrame frame) {
    this.reports = reports;
    this.routes = routes;
    this.drilldown = new Drilldown(attribution);
    this.ads = ads;
    this.catalog = catalog;
    this.health = health;
    this.attribution = attribution;
    this.recentDays = recentDays;
    this.frame = frame;
  }

  void show(UiRequest r) {
    Advertiser advertiser = r.advertiser();
    ReportQuery q = query(r);
    List<ObjectNode> rows = custom(advertiser, q, q.level(), Granularity.TOTAL);
    List<ObjectNode> total = custom(advertiser, q, Level.ADVERTISER, Granularity.TOTAL);
    List<ObjectNode> daily = custom(advertiser, q, Level.ADVERTISER, Granularity.DAY);
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", frame.chrome(r, "Reports", "reports"));
    model.put("q", q);
    model.put("rows", rows);
    model.put("total", total.isEmpty() ? Json.MAPPER.createObjectNode() : total.get(0));
    model.put("names", names(advertiser.id()));
    model.put("events", events(advertiser.id()));
    model.put("chart", chart(daily, q));
    model.put("arriving", arriving(advertiser, q));
    Pages.render(r.exchange(), "reports.jte", model);
  }

  /** The days of the range that may still change, as "today ~12 %, 29 Nov ~0.4 %" (empty when none, or no history yet). */
  private String arriving(Advertiser advertiser, ReportQuery q) {
    LocalDate today = frame.now().atZone(advertiser.zone()).toLocalDate();
    return recentDays.outlook(advertiser, 7, frame.now()).map(o -> o.days().stream()
            .filter(d -> !d.date().isBefore(q.start()) && !d.date().isAfter(q.end()))
            .map(d -> (d.date().equals(today) ? "today" : d.date().equals(today.minusDays(1)) ? "yesterday" : d.date().toString())
                + " ~" + Fmt.percent(d.stillToArrive()))
            .collect(java.util.stream.Collectors.joining(", ")))
        .orElse("");
  }

  /** The same CSV as {@code GET /api/v1/reports?format=csv} with these parameters, for this advertiser only. */
  void csv(UiRequest r) {
    r.exchange().setParam("advertiser_id", r.advertiser().id());
    routes.csvDownload(JsonRequest.of(r.exchange(), null), r.exchange());
  }

  void conversions(UiRequest r) {
    Advertiser advertiser = r.advertiser();
    ReportQuery q = query(r);
    String id = r.param("id").orElseThrow(() -> AdminException.invalid("id: which " + q.levelName() + " to list conversions of"));
    List<LedgerEntry> entries = drilldown.behind(new Drilldown.Cell(advertiser.id(), q.level(), id, q.event(), q.conversionTime(), q.start(), q.end(),
        advertiser.zone()));
    Pages.render(r.exchange(), "conversions.jte", Map.of("chrome", frame.chrome(r, "Conversions", "reports"), "q", q, "id", id,
        "name", names(advertiser.id()).getOrDefault(id, id), "entries", entries));
  }

  void explanation(UiRequest r) {
    Advertiser advertiser = r.advertiser();
    long seq = parseSeq(r.path("seq"));
    Conversion c = attribution.conversion(seq).filter(x -> x.advertiserId().equals(advertiser.id()))
        .orElseThrow(() -> AdminException.notFound("conversion", "#" + seq));
    Pages.render(r.exchange(), "explanation.jte", Map.of("chrome", frame.chrome(r, "Why this conversion counts", "reports"), "x", routes.explanation(c),
        "names", names(advertiser.id())));
  }

  private List<ObjectNode> custom(Advertiser advertiser, ReportQuery q, Level level, Granularity granularity) {
    try {
      return reports.custom(advertiser, new ReportService.Custom(level, q.event(), q.conversionTime(), granularity, q.start().toString(), q.end().toString(), false));
    } catch (ReportService.BadRequest e) {
      throw AdminException.invalid(e.getMessage());
    }
  }

  private ReportQuery query(UiRequest r) {
    LocalDate today = frame.now().atZone(r.advertiser().zone()).toLocalDate();
    Level level = switch (r.param("level").orElse("campaign")) {
      case "campaign" -> Level.CAMPAIGN;
      case "adgroup" -> Level.ADGROUP;
      case "ad" -> Level.AD;
      case "advertiser" -> Level.ADVERTISER;
      default -> throw AdminException.invalid("level " + r.param("level").orElse("") + ": campaign, adgroup or ad");
    };
    String basis = r.param("time_basis").orElse("impression");
    if (!basis.equals("impression") && !basis.equals("conversion")) {
      throw AdminException.invalid("time_basis " + basis + ": impression or conversion");
    }
    LocalDate end = date(r, "end_date").orElse(today);
    LocalDate start = date(r, "start_date").orElse(end.minusDays(6));
    return new ReportQuery(level, r.param("event"), basis.equals("conversion"), start, end);
  }

  private static Optional<LocalDate> date(UiRequest r, String name) {
    return r.param(name).map(text -> {
      try {
        return LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw AdminException.invalid(name + " " + text + ": must be YYYY-MM-DD");
      }
    });
  }

  /** Display names of every campaign, ad group and ad of the advertiser, by id. */
  Map<String, String> names(String advertiserId) {
    Map<String, String> names = new HashMap<>();
    ads.campaigns(advertiserId).forEach(c -> names.put(c.id(), c.name()));
    ads.adGroups(advertiserId).forEach(g -> names.put(g.id(), g.name()));
    ads.ads(advertiserId).forEach(a -> names.put(a.id(), a.name()));
    return names;
  }

  /** Business events seen on the advertiser's sources plus the ad groups' optimization events. */
  private List<String> events(String advertiserId) {
    TreeSet<String> events = new TreeSet<>();
    catalog.sources().stream().filter(s -> s.advertiserId().equals(advertiserId))
        .forEach(s -> health.report(s.id()).events().stream().filter(e -> e.businessEvent()).forEach(e -> events.add(e.reportedName())));
    ads.adGroups(advertiserId).forEach(g -> events.add(g.optimizationEvent()));
    return List.copyOf(events);
  }

  private static String chart(List<ObjectNode> daily, ReportQuery q) {
    var node = Json.MAPPER.createObjectNode().put("basis", q.basis());
    var dates = node.putArray("dates");
    var conversions = node.putArray("conversions");
    var value = node.putArray("value");
    var spend = node.putArray("spend");
    Map<String, ObjectNode> byDay = new HashMap<>();
    daily.forEach(row -> byDay.put(row.path("period").asText().substring(0, 10), row));
    for (LocalDate d = q.start(); !d.isAfter(q.end()); d = d.plusDays(1)) {
      ObjectNode row = byDay.get(d.toString());
      dates.add(d.toString());
      conversions.add(row == null ? 0 : row.path("conversions").asLong());
      value.add(row == null ? 0 : row.path("value").asDouble());
      spend.add(row == null ? 0 : row.path("spend").asDouble());
    }
    return node.toString();
  }

  private static long parseSeq(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw AdminException.notFound("conversion", text);
    }
  }
}
