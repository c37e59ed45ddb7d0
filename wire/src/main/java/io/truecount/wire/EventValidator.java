package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.Event;
import io.truecount.core.EventNames;
import io.truecount.core.MatchKeys;
import io.truecount.core.PageUrls;
import io.truecount.core.SmallMap;
import io.truecount.core.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validates one 2.0-shaped event and builds the normalized {@link Event}, or lists every problem. */
final class EventValidator {
  /** The event fields kept whole in the event's context. */
  private static final List<String> CONTEXT_OBJECTS = List.of("app", "ad", "lead");
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;

  private final SourceContext ctx;
  private final String requestTestCode;

  EventValidator(SourceContext ctx, String requestTestCode) {
    this.ctx = ctx;
    this.requestTestCode = requestTestCode;
  }

  /** The event, or the problems (with the sender's field paths). */
  Result validate(IngestRequest.Item item) {
    List<Problem> problems = new ArrayList<>();
    JsonNode e = item.event();
    Optional<String> name = Fields.requiredString(e, "", "event", problems);
    name.filter(n -> n.length() > Limits.MAX_NAME)
        .ifPresent(n -> problems.add(Problem.of("event", n.length() + " chars", "At most " + Limits.MAX_NAME + " characters")));
    String eventId = eventId(e, problems);
    Optional<Instant> eventTime = eventTime(e, problems);
    String testCode = Fields.optionalString(e, "", "test_event_code", problems);
    MatchKeys user = new UserReader(ctx.source().strictPii(), ctx.phoneRegion(), problems).read(e.get("user"));
    PageReader.Page page = PageReader.read(e.get("page"), problems);
    Map<String, Object> properties = new PropertiesReader(problems).read(e.get("properties"));
    Map<String, Object> context = context(e, problems);
    List<Problem> all = new ArrayList<>(item.problems());
    problems.forEach(p -> all.add(p.atField(item.pathOf(p.field()))));
    if (!all.isEmpty()) {
      return new Result(Optional.empty(), eventIdOf(e), all);
    }
    Event event = new Event(
        ctx.source().id(), ctx.source().kind(), EventNames.canonical(name.orElseThrow()), eventId, eventTime.orElseThrow(), ctx.receivedAt(),
        ctx.channel(), testCode.isEmpty() ? requestTestCode : testCode, withClickId(user, page.url()), page.url(),
        page.referrer(), properties, context);
    return new Result(Optional.of(event), eventId, List.of());
  }

  record Result(Optional<Event> event, String eventId, List<Problem> problems) {}

  private static String eventId(JsonNode e, List<Problem> problems) {
    JsonNode node = e.get("event_id");
    if (Fields.absent(node)) {
      return "";
    }
    if (!node.isTextual()) {
      problems.add(Problem.of("event_id", Fields.shown(node), "Invalid value for event_id: not a valid string. Send it as a JSON string, e.g. \"" + node.asText() + "\""));
      return "";
    }
    if (node.textValue().length() > Limits.MAX_ID) {
      problems.add(Problem.of("event_id", node.textValue().length() + " chars", "At most " + Limits.MAX_ID + " characters"));
    }
    return node.textValue();
  }

  private static String eventIdOf(JsonNode e) {
    JsonNode node = e.get("event_id");
    return node != null && node.isValueNode() ? node.asText() : "";
  }

  private Optional<Instant> eventTime(JsonNode e, List<Problem> problems) {
    if (e.has("_event_time_default")) {
      return Optional.of(ctx.receivedAt());
    }
    if (e.has("_event_age_ms")) {
      return inBounds(ctx.receivedAt().minusMillis(e.get("_event_age_ms").longValue()), problems);
    }
    if (e.has("_event_date")) {
      return Optional.of(java.time.LocalDate.parse(e.get("_event_date").textValue()).atStartOfDay(ctx.zone()).toInstant()).flatMap(t -> inBounds(t, problems));
    }
    JsonNode node = e.get("event_time");
    if (Fields.absent(node)) {
      problems.add(Problem.of("event_time", "", "Missing required field: Unix time in seconds"));
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      problems.add(Problem.of("event_time", Fields.shown(node), "Not a valid integer: Unix time in seconds"));
      return Optional.empty();
    }
    long seconds = node.longValue();
    if (seconds > MILLIS_THRESHOLD) {
      problems.add(Problem.of("event_time", Long.toString(seconds), "Unix time in seconds expected; this looks like milliseconds"));
      return Optional.empty();
    }
    return inBounds(Instant.ofEpochSecond(seconds), problems);
  }

  private Optional<Instant> inBounds(Instant time, List<Problem> problems) {
    Duration maxAge = ctx.source().kind() == SourceKind.WEB || ctx.source().kind() == SourceKind.APP
        ? ctx.limits().maxAgeWebApp()
        : ctx.limits().maxAgeOfflineCrm();
    if (time.isAfter(ctx.receivedAt().plus(ctx.limits().maxFuture()))) {
      problems.add(Problem.of("event_time", time.getEpochSecond() + " (" + time + ")", "At most " + ctx.limits().maxFuture().toMinutes() + " minutes in the future (received " + ctx.receivedAt() + ")"));
      return Optional.empty();
    }
    if (time.isBefore(ctx.receivedAt().minus(maxAge))) {
      problems.add(Problem.of("event_time", time.getEpochSecond() + " (" + time + ")", "At most " + maxAge.toDays() + " days old for " + ctx.source().kind().wireName() + " sources"));
      return Optional.empty();
    }
    return Optional.of(time);
  }

  private static Map<String, Object> context(JsonNode e, List<Problem> problems) {
    SmallMap<Object> context = new SmallMap<>(2);
    for (String name : CONTEXT_OBJECTS) {
      JsonNode node = e.get(name);
      if (Fields.absent(node)) {
        continue;
      }
      if (!node.isObject()) {
        problems.add(Problem.of(name, Fields.shown(node), "Must be an object"));
      } else {
        context.put(name, Trees.map(node, PropertiesReader::scrub));
      }
    }
    JsonNode ldu = e.get("limited_data_use");
    if (!Fields.absent(ldu)) {
      if (ldu.isBoolean()) {
        context.put("limited_data_use", ldu.booleanValue());
      } else {
        problems.add(Problem.of("limited_data_use", Fields.shown(ldu), "Not a valid boolean"));
      }
    }
    return context.isEmpty() ? Map.of() : context.freeze();
  }

  private static MatchKeys withClickId(MatchKeys user, String url) {
    if (!user.ttclid().isEmpty()) {
      return user;
    }
    return PageUrls.parameter(url, "ttclid")
        .filter(id -> !id.isBlank() && id.length() <= Limits.MAX_TEXT)
        .map(id -> new MatchKeys(user.emails(), user.phones(), user.externalIds(), id, user.ttp(), user.ip(), user.userAgent(), user.other()))
        .orElse(user);
  }
}
