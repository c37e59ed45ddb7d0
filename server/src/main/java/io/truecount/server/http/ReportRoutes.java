package io.truecount.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.report.Granularity;
import io.truecount.core.report.Level;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.ads.ReportService;
import io.truecount.wire.Code;
import io.truecount.wire.Json;
import io.truecount.wire.WireException;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** TikTok's integrated report (token), our report with CSV, what-if and conversion explanations (admin). */
public final class ReportRoutes {
  private final AdsParts p;

  public ReportRoutes(AdsParts parts) {
    this.p = parts;
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", "/api/v1/conversions/{source}/{event}/{event_id}/explanation", Access.ADMIN, new AdminHandler(this::explanation)));
    routes.add(new Route("GET", "/api/v1/adgroups/{id}/what-if", Access.ADMIN, new AdminHandler(this::whatIf)));
    routes.add(new Route("GET", "/api/v1/campaigns/{id}/check", Access.ADMIN, new AdminHandler(r -> {
      var campaign = p.admin().campaign(r.path("id"));
      return TrustViews.check(p.checklist().check(advertiserOf(campaign.advertiserId()), campaign, r.date("start_date"), r.date("end_date")));
    })));
    routes.add(new Route("GET", "/api/v1/advertisers/{id}/check", Access.ADMIN, new AdminHandler(r -> {
      Advertiser advertiser = advertiserOf(r.path("id"));
      ArrayNode list = Json.MAPPER.createArrayNode();
      p.admin().campaigns(advertiser.id()).forEach(c -> list.add(TrustViews.check(p.checklist().check(advertiser, c, r.date("start_date"),
          r.date("end_date")))));
      return list;
    })));
    routes.add(new Route("GET", "/api/v1/advertisers/{id}/arrival", Access.ADMIN, new AdminHandler(r -> arrival(advertiserOf(r.path("id")),
        r.param("days").map(ReportRoutes::days).orElse(7)))));
    routes.add(new Route("POST", "/api/v1/sources/{id}/purchase-url-pattern", Access.ADMIN, new AdminHandler(r -> {
      String source = p.catalog().source(r.path("id")).orElseThrow(() -> AdminException.notFound("event source", r.path("id"))).id();
      return Json.MAPPER.createObjectNode().put("event_source_id", source).put("purchase_url_pattern", p.checklist().setPurchaseUrlPattern(source, r.required("pattern")));
    })));
    routes.add(new Route("GET", "/api/v1/reports", Access.ADMIN, new AdminHandler(r -> AdsRoutes.list(custom(r)), this::csv)));
    for (String path : List.of("/open_api/v1.3/report/integrated/get/", "/open_api/v1.3/report/integrated/get")) {
      routes.add(new Route("GET", path, Access.ADVERTISER_TOKEN, new TokenJsonHandler(p.auth(), this::integrated)));
    }
    return routes;
  }

  private byte[] integrated(AccessToken token, byte[] body, Exchange ex, String requestId) throws WireException {
    String advertiserId = ex.param("advertiser_id").orElseThrow(() -> new WireException(Code.PARAMETER_ERROR, "advertiser_id: required"));
    if (!token.advertiserId().equals(advertiserId)) {
      throw new WireException(Code.NO_PERMISSION, "No permission to operate advertiser_id: " + advertiserId);
    }
    Advertiser advertiser = AdsRoutes.advertiserOf(p, token);
    ReportService.Integrated q = new ReportService.Integrated(ex.param("report_type").orElse("BASIC"), ex.param("data_level").orElse("AUCTION_ADVERTISER"),
        jsonList(ex, "dimensions"), jsonList(ex, "metrics"), ex.param("start_date").orElse(""), ex.param("end_date").orElse(""),
        number(ex, "page", 1), number(ex, "page_size", 10));
    return TokenJsonHandler.ok(p.reports().integrated(advertiser, q), requestId);
  }

  private List<ObjectNode> custom(JsonRequest r) {
    Advertiser advertiser = p.catalog().advertiser(AdsRoutes.advertiser(r)).orElseThrow(() -> AdminException.notFound("advertiser", AdsRoutes.advertiser(r)));
    Level level = enumParam(r, "level", Level.class, Level.CAMPAIGN);
    Granularity granularity = enumParam(r, "granularity", Granularity.class, Granularity.DAY);
    String basis = r.param("time_basis").orElse("impression");
    if (!basis.equals("impression") && !basis.equals("conversion")) {
      throw AdminException.invalid("time_basis " + basis + ": impression (the click/view day, like Ads Manager's conversion) or conversion (the event's day, real_time_*)");
    }
    try {
      return p.reports().custom(advertiser, new ReportService.Custom(level, r.param("event"), basis.equals("conversion"), granularity,
          r.param("start_date").orElse(""), r.param("end_date").orElse(""), utc(r)));
    } catch (ReportService.BadRequest e) {
      throw AdminException.invalid(e.getMessage());
    }
  }

  private Advertiser advertiserOf(String id) {
    return p.catalog().advertiser(id).orElseThrow(() -> AdminException.notFound("advertiser", id));
  }

  private static boolean utc(JsonRequest r) {
    String zone = r.param("time_zone").orElse("advertiser");
    if (!zone.equalsIgnoreCase("utc") && !zone.equalsIgnoreCase("advertiser")) {
      throw AdminException.invalid("time_zone " + zone + ": advertiser (default, the advertiser's IANA zone) or UTC");
    }
    return zone.equalsIgnoreCase("utc");
  }

  private boolean csv(JsonRequest r, Exchange ex) {
    if (!"csv".equals(r.param("format").orElse("json"))) {
      return false;
    }
    csvDownload(r, ex);
    return true;
  }

  /** The report for the request's parameters as a CSV download: the API's {@code format=csv} and the UI's download link. */
  public void csvDownload(JsonRequest r, Exchange ex) {
    List<ObjectNode> rows = custom(r);
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      List<String> header = new ArrayList<>();
      if (!rows.isEmpty()) {
        rows.get(0).fieldNames().forEachRemaining(header::add);
        printer.printRecord(header);
      }
      for (ObjectNode row : rows) {
        List<String> values = new ArrayList<>();
        header.forEach(h -> values.add(row.path(h).asText()));
        printer.printRecord(values);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ex.responseHeader(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"truecount-report.csv\"")
        .send(200, "text/csv; charset=utf-8", out.toString());
  }

  private JsonNode whatIf(JsonRequest r) {
    var group = p.admin().adGroup(r.path("id"));
    Advertiser advertiser = p.catalog().advertiser(group.advertiserId()).orElseThrow();
    var alternative = p.admin().validated(group.settings(), new AdsAdmin.SettingsChange(r.param("click_attribution_window"),
        r.param("view_attribution_window"), r.param("engaged_view_attribution_window"), r.param("attribution_event_count")));
    java.time.LocalDate end = r.date("end_date").orElse(p.clock().instant().atZone(advertiser.zone()).toLocalDate());
    java.time.LocalDate start = r.date("start_date").orElse(end.minusDays(27));
    return new io.truecount.server.ads.WhatIf(p.attribution(), p.directory()).compare(group, alternative, advertiser.zone(), start, end);
  }

  private JsonNode explanation(JsonRequest r) {
    String source = r.path("source");
    String event = io.truecount.core.EventNames.reportedName(r.path("event"));
    String eventId = r.path("event_id");
    return explanation(p.attribution().conversion(source, event, eventId)
        .orElseThrow(() -> AdminException.notFound("conversion", source + "/" + event + "/" + eventId)));
  }

  /** Why a conversion was credited (or not): its dedup decision, every candidate touch and the winner. */
  public ObjectNode explanation(Conversion c) {
    String source = c.sourceId();
    String event = c.event();
    String eventId = c.eventId();
    Advertiser advertiser = p.catalog().advertiser(c.advertiserId()).orElseThrow();
    LedgerEntry entry = p.attribution().entry(c.seq()).orElseThrow();
    ObjectNode node = Json.MAPPER.createObjectNode().put("seq", c.seq()).put("event_source_id", source).put("event", event).put("event_id", eventId)
        .put("event_time", c.time().toString()).put("event_time_local", c.time().atZone(advertiser.zone()).toLocalDateTime().toString());
    node.put("dedup", p.recent().find(source, c.seq()).map(e -> Views.decision(e.decision()).path("explanation").asText())
        .orElse("First copy of (source, event, event_id): counted."));
    node.put("status", entry.status());
    ArrayNode candidates = node.putArray("candidates");
    p.attribution().candidates(c.seq()).forEach(cand -> candidates.add(AdsViews.candidate(cand, advertiser.zone())));
    if (entry.credit().isPresent()) {
      node.set("credited", AdsViews.credit(entry.credit().get(), advertiser.zone()));
      node.put("report_day_impression_basis", entry.credit().get().touchTime().atZone(advertiser.zone()).toLocalDate().toString());
      node.put("report_day_conversion_basis", c.time().atZone(advertiser.zone()).toLocalDate().toString());
    } else {
      node.put("why_unattributed", candidates.isEmpty() ? "No touch shares a match key with this conversion" : "No touch sharing a key is eligible (see candidates)");
    }
    node.put("time_zone", advertiser.zone().getId());
    return node;
  }

  private static <E extends Enum<E>> E enumParam(JsonRequest r, String name, Class<E> type, E fallback) {
    String text = r.param(name).orElse(fallback.name());
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid(name + " " + text + ": must be one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
    }
  }

  private static int number(Exchange ex, String name, int fallback) throws WireException {
    String text = ex.param(name).orElse(Integer.toString(fallback));
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new WireException(Code.PARAMETER_ERROR, name + " " + text + ": must be a whole number");
    }
  }

  private static List<String> jsonList(Exchange ex, String name) throws WireException {
    Optional<String> text = ex.param(name);
    if (text.isEmpty()) {
      return List.of();
    }
    try {
      JsonNode node = Json.MAPPER.readTree(text.get());
      List<String> out = new ArrayList<>();
      if (node == null || !node.isArray()) {
        throw new WireException(Code.PARAMETER_ERROR, name + ": must be a JSON array of strings, e.g. [\"campaign_id\"]");
      }
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new WireException(Code.PARAMETER_ERROR, name + ": " + item + " is not a string");
        }
        out.add(item.textValue());
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new WireException(Code.PARAMETER_ERROR, name + ": not JSON (" + e.getOriginalMessage() + "); send a JSON array of strings");
    }
  }

  /** How much of the last days may still arrive (GET /api/v1/advertisers/{id}/arrival). */
  private JsonNode arrival(Advertiser advertiser, int days) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("advertiser_id", advertiser.id()).put("time_zone", advertiser.zone().getId());
    Optional<io.truecount.server.ads.RecentDays.Outlook> outlook = p.recentDays().outlook(advertiser, days, p.clock().instant());
    ArrayNode list = node.putArray("days");
    if (outlook.isEmpty()) {
      node.put("note", "Fewer than 100 business events received in the last 28 days: no estimate yet.");
      return node;
    }
    node.put("based_on_events", outlook.get().basedOnEvents()).put("arrived_within_one_hour_percent", percent(outlook.get().withinOneHour()));
    outlook.get().days().forEach(d -> list.addObject().put("date", d.date().toString()).put("still_to_arrive_percent", percent(d.stillToArrive())));
    node.put("note", "Share of each day's events (event time, the advertiser's days) that typically has not arrived yet, from how late this "
        + "advertiser's business events arrived over the last 28 days. Days not listed are complete.");
    return node;
  }

  private static double percent(double share) {
    return Math.round(share * 1000) / 10.0;
  }

  private static int days(String text) {
    try {
      int days = Integer.parseInt(text);
      if (days >= 1 && days <= 28) {
        return days;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw AdminException.invalid("days " + text + ": a whole number from 1 to 28");
  }
}
