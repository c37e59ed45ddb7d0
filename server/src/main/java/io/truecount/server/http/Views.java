package io.truecount.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.Event;
import io.truecount.core.EventSource;
import io.truecount.core.MatchKey;
import io.truecount.core.pipeline.DedupDecision;
import io.truecount.core.pipeline.EventHealth;
import io.truecount.core.pipeline.ProcessedEvent;
import io.truecount.core.pipeline.SourceHealthReport;
import io.truecount.core.pipeline.TestCheck;
import io.truecount.core.pipeline.TestEventView;
import io.truecount.server.admin.NewToken;
import io.truecount.wire.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** JSON renderings of domain values for the admin API (and the CLI's --json). */
public final class Views {
  private Views() {}

  private static ObjectNode object() {
    return Json.MAPPER.createObjectNode();
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  public static ObjectNode advertiser(Advertiser a) {
    return object().put("advertiser_id", a.id()).put("name", a.name()).put("time_zone", a.zone().getId())
        .put("currency", a.currency()).put("country", a.country());
  }

  public static ObjectNode source(EventSource s) {
    return object().put("event_source_id", s.id()).put("advertiser_id", s.advertiserId())
        .put("kind", s.kind().wireName()).put("name", s.name()).put("test_event_code", s.testEventCode())
        .put("strict_pii", s.strictPii()).put("created_at", time(s.createdAt()));
  }

  public static ObjectNode token(AccessToken t) {
    return object().put("token_id", t.id()).put("advertiser_id", t.advertiserId()).put("event_source_id", t.sourceId())
        .put("created_at", time(t.createdAt())).put("expires_at", time(t.expiresAt()))
        .put("revoked_at", time(t.revokedAt())).put("last_used_at", time(t.lastUsedAt()));
  }

  public static ObjectNode newToken(NewToken t) {
    return token(t.token()).put("access_token", t.secret())
        .put("note", "Shown once: only a hash is stored. Send it as the Access-Token header.");
  }

  public static <T> ArrayNode list(List<T> items, java.util.function.Function<T, ObjectNode> view) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    items.forEach(item -> array.add(view.apply(item)));
    return array;
  }

  public static ObjectNode setup(io.truecount.server.pixel.Snippet.Setup s) {
    return object().put("pixel_code", s.pixelCode()).put("script_url", s.scriptUrl()).put("beacon_url", s.beaconUrl()).put("snippet", s.snippet());
  }

  public static ObjectNode event(Event e) {
    ObjectNode node = object().put("event", e.event()).put("reported_as", e.reportedName()).put("event_id", e.eventId())
        .put("event_time", e.eventTime().getEpochSecond()).put("event_time_iso", time(e.eventTime()))
        .put("received_at", time(e.receivedAt())).put("channel", e.channel().name().toLowerCase(Locale.ROOT))
        .put("event_source", e.sourceKind().wireName()).put("event_source_id", e.sourceId());
    node.set("user", user(e));
    node.set("match_keys", keys(e.user().present()));
    node.putObject("page").put("url", e.pageUrl()).put("referrer", e.referrer());
    node.set("properties", Json.MAPPER.valueToTree(e.properties()));
    node.set("context", Json.MAPPER.valueToTree(e.context()));
    return node;
  }

  private static ObjectNode user(Event e) {
    ObjectNode user = object();
    user.set("email", Json.MAPPER.valueToTree(e.user().emails()));
    user.set("phone", Json.MAPPER.valueToTree(e.user().phones()));
    user.set("external_id", Json.MAPPER.valueToTree(e.user().externalIds()));
    user.put("ttclid", e.user().ttclid()).put("ttp", e.user().ttp()).put("ip", e.user().ip()).put("user_agent", e.user().userAgent());
    e.user().other().forEach(user::put);
    return user;
  }

  private static ArrayNode keys(List<MatchKey> keys) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    keys.forEach(k -> array.add(k.name().toLowerCase(Locale.ROOT)));
    return array;
  }

  public static ObjectNode processed(ProcessedEvent p) {
    ObjectNode node = object().put("seq", p.seq());
    node.set("event", event(p.event()));
    node.set("dedup", decision(p.decision()));
    return node;
  }

  public static ObjectNode decision(DedupDecision d) {
    ObjectNode node = object().put("outcome", d.outcome().name().toLowerCase(Locale.ROOT)).put("counted", d.outcome().counted());
    if (d.firstSeq() > 0) {
      node.put("matched_seq", d.firstSeq());
    }
    node.put("explanation", explain(d));
    return node;
  }

  private static String explain(DedupDecision d) {
    if (d instanceof DedupDecision.Dropped dropped) {
      return "Dropped: " + dropped.reason() + "; the first copy is counted.";
    }
    if (d instanceof DedupDecision.Merged merged) {
      return "Merged into event #" + merged.firstSeq() + " (browser and server copies within 5 minutes): its match keys and parameters fill the first copy.";
    }
    if (d instanceof DedupDecision.NoEventId) {
      return "Counted without deduplication: no event_id was sent.";
    }
    return "Counted: first copy of (source, event, event_id) in 48 hours.";
  }

  public static ObjectNode testEvent(TestEventView v) {
    ObjectNode node = object().put("seq", v.seq()).put("passed", v.passed());
    node.set("event", event(v.event()));
    ArrayNode checks = node.putArray("checks");
    for (TestCheck c : v.checks()) {
      checks.addObject().put("check", c.name()).put("verdict", c.verdict().name().toLowerCase(Locale.ROOT)).put("detail", c.detail());
    }
    return node;
  }

  public static ObjectNode health(SourceHealthReport r) {
    ObjectNode node = object().put("event_source_id", r.sourceId())
        .put("status", r.status() == SourceHealthReport.Status.ACTIVE ? "Active" : "No recent activity")
        .put("last_event_at", r.lastEventAt().map(Instant::toString).orElse(null))
        .put("receives_business_events", r.receivesBusinessEvents());
    ObjectNode rejected = node.putObject("rejected_by_code");
    r.rejectedByCode().forEach((code, n) -> rejected.put(Integer.toString(code), n));
    ArrayNode events = node.putArray("events");
    r.events().forEach(h -> events.add(eventHealth(h)));
    return node;
  }

  private static ObjectNode eventHealth(EventHealth h) {
    ObjectNode node = object().put("event", h.event()).put("reported_as", h.reportedName())
        .put("type", h.businessEvent() ? "business" : "page").put("last_hour", h.lastHour())
        .put("last_24_hours", h.last24Hours()).put("last_7_days", h.last7Days()).put("counted", h.counted())
        .put("dedup_rate", round(h.dedupRate())).put("match_quality", h.matchQuality());
    ObjectNode copies = node.putObject("copies");
    h.copiesByOutcome().forEach((o, n) -> copies.put(o.name().toLowerCase(Locale.ROOT), n));
    ObjectNode methods = node.putObject("connection_method");
    for (Map.Entry<ConnectionMethod, Long> m : h.connectionMethods().entrySet()) {
      methods.put(m.getKey().label(), m.getValue());
    }
    ObjectNode coverage = node.putObject("match_key_coverage");
    h.keyCoverage().forEach((k, share) -> coverage.put(k.name().toLowerCase(Locale.ROOT), round(share)));
    return node;
  }

  private static double round(double share) {
    return Math.round(share * 1000) / 1000.0;
  }
}
