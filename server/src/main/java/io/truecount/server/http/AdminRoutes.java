package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Channel;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.SourceKind;
import io.truecount.core.pipeline.DedupDecision;
import io.truecount.core.pipeline.ProcessedEvent;
import io.truecount.core.pipeline.RecentEvents;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.EventLog;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.wire.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The admin JSON API under /api/v1/: advertisers, sources, tokens, live events, health, test events. */
final class AdminRoutes {
  private final CatalogAdmin admin;
  private final RecentEvents recent;
  private final SourceHealth health;
  private final TestEvents testEvents;
  private final EventLog log;

  AdminRoutes(CatalogAdmin admin, RecentEvents recent, SourceHealth health, TestEvents testEvents, EventLog log) {
    this.admin = admin;
    this.recent = recent;
    this.health = health;
    this.testEvents = testEvents;
    this.log = log;
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    add(routes, "GET", "/api/v1/advertisers", r -> Views.list(admin.advertisers(), Views::advertiser));
    add(routes, "POST", "/api/v1/advertisers", r -> Views.advertiser(admin.createAdvertiser(
        r.text("advertiser_id"), r.required("name"), r.text("time_zone").orElse("UTC"), r.text("currency").orElse("USD"), r.text("country").orElse("US"))));
    add(routes, "GET", "/api/v1/advertisers/{id}", r -> Views.advertiser(admin.advertiser(r.path("id"))));
    add(routes, "GET", "/api/v1/sources", r -> Views.list(admin.sources(r.param("advertiser_id")), Views::source));
    add(routes, "POST", "/api/v1/sources", r -> Views.source(admin.createSource(
        r.required("advertiser_id"), kind(r.text("kind").orElse("web")), r.text("event_source_id"), r.text("name").orElse("Pixel"), r.flag("strict_pii"))));
    add(routes, "GET", "/api/v1/sources/{id}", r -> Views.source(admin.source(r.path("id"))));
    add(routes, "POST", "/api/v1/sources/{id}/strict-pii", r -> Views.source(admin.setStrictPii(r.path("id"), r.flag("strict_pii"))));
    add(routes, "POST", "/api/v1/sources/{id}/test-event-code", r -> Views.source(admin.regenerateTestCode(r.path("id"))));
    add(routes, "GET", "/api/v1/sources/{id}/health", r -> Views.health(health.report(admin.source(r.path("id")).id())));
    add(routes, "GET", "/api/v1/sources/{id}/events", this::events);
    add(routes, "GET", "/api/v1/sources/{id}/events/{seq}", this::eventDetail);
    add(routes, "GET", "/api/v1/sources/{id}/test-events", r -> Views.list(
        testEvents.latest(admin.source(r.path("id")).id(), limit(r)), Views::testEvent));
    add(routes, "GET", "/api/v1/tokens", r -> Views.list(admin.tokens(r.param("advertiser_id")
        .orElseThrow(() -> AdminException.invalid("advertiser_id: required query parameter"))), Views::token));
    add(routes, "POST", "/api/v1/tokens", r -> Views.newToken(admin.createToken(r.required("advertiser_id"), r.text("event_source_id"))));
    add(routes, "POST", "/api/v1/tokens/{id}/revoke", r -> Views.token(admin.revokeToken(r.path("id"))));
    add(routes, "POST", "/api/v1/tokens/{id}/rotate", r -> Views.newToken(admin.rotateToken(r.path("id"),
        Duration.ofHours(Long.parseLong(r.text("overlap_hours").orElse("24"))))));
    return routes;
  }

  private static void add(List<Route> routes, String method, String template, AdminHandler.Action action) {
    routes.add(new Route(method, template, Access.ADMIN, new AdminHandler(action)));
  }

  private JsonNode events(JsonRequest r) {
    String sourceId = admin.source(r.path("id")).id();
    RecentEvents.Filter filter = new RecentEvents.Filter(
        r.param("event").orElse(null),
        r.param("channel").map(c -> enumValue(Channel.class, c, "channel")).orElse(null),
        r.param("outcome").map(o -> enumValue(DedupDecision.Outcome.class, o, "outcome")).orElse(null));
    return Views.list(recent.list(sourceId, filter, limit(r)), Views::processed);
  }

  private JsonNode eventDetail(JsonRequest r) {
    String sourceId = admin.source(r.path("id")).id();
    long seq = parseSeq(r.path("seq"));
    Optional<ProcessedEvent> found = recent.find(sourceId, seq);
    if (found.isEmpty()) {
      return fromLog(sourceId, seq);
    }
    ObjectNode node = Views.processed(found.get());
    List<Long> copies = recent.copiesOf(sourceId, seq);
    node.set("copies", Json.MAPPER.valueToTree(copies));
    node.put("connection_method", connectionMethod(sourceId, found.get(), copies).label());
    return node;
  }

  /** Browser only, server only, or server &amp; browser: the first copy and the copies merged into it. */
  private ConnectionMethod connectionMethod(String sourceId, ProcessedEvent first, List<Long> copies) {
    boolean browser = first.event().channel() == Channel.BROWSER;
    boolean server = !browser;
    for (long copy : copies) {
      Optional<ProcessedEvent> merged = recent.find(sourceId, copy).filter(c -> c.decision().outcome() == DedupDecision.Outcome.MERGED);
      if (merged.isPresent()) {
        browser |= merged.get().event().channel() == Channel.BROWSER;
        server |= merged.get().event().channel() != Channel.BROWSER;
      }
    }
    return ConnectionMethod.of(browser, server);
  }

  private JsonNode fromLog(String sourceId, long seq) {
    var logged = log.read(seq, 1);
    if (logged.isEmpty() || logged.get(0).seq() != seq || !logged.get(0).event().sourceId().equals(sourceId)) {
      throw AdminException.notFound("event", "#" + seq + " of source " + sourceId);
    }
    ObjectNode node = Json.MAPPER.createObjectNode().put("seq", seq);
    node.set("event", Views.event(logged.get(0).event()));
    node.put("dedup", "older than the recent-events window: the event is in the log; its dedup decision is not kept in memory");
    return node;
  }

  private static long parseSeq(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw AdminException.invalid("seq " + text + ": must be a number");
    }
  }

  private static int limit(JsonRequest r) {
    try {
      return Math.max(1, Math.min(1000, Integer.parseInt(r.param("limit").orElse("100"))));
    } catch (NumberFormatException e) {
      throw AdminException.invalid("limit: must be a number from 1 to 1000");
    }
  }

  static SourceKind kind(String text) {
    return SourceKind.fromWire(text.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> AdminException.invalid("kind " + text + ": must be one of web, app, offline, crm"));
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid(field + " " + text + ": must be one of " + List.of(type.getEnumConstants()).toString().toLowerCase(Locale.ROOT));
    }
  }
}
