package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events API 1.0 ({@code pixel/track}, {@code pixel/batch}) and the beacon, converted to 2.0. */
final class PixelV1 {
  private static final Map<String, String> RENAMES = new LinkedHashMap<>();

  static {
    RENAMES.put("user.email", "context.user.email");
    RENAMES.put("user.phone", "context.user.phone_number");
    RENAMES.put("user.external_id", "context.user.external_id");
    RENAMES.put("user.ttp", "context.user.ttp");
    RENAMES.put("user.ttclid", "context.ad.callback");
    RENAMES.put("user.ip", "context.ip");
    RENAMES.put("user.user_agent", "context.user_agent");
    RENAMES.put("user.locale", "context.locale");
    RENAMES.put("user", "context.user");
    RENAMES.put("page", "context.page");
    RENAMES.put("event_time", "timestamp");
  }

  private PixelV1() {}

  static IngestRequest.Item toV2(int index, String prefix, JsonNode item) {
    List<Problem> problems = new ArrayList<>();
    ObjectNode event = Json.MAPPER.createObjectNode();
    copy(item, event, "event", "event_id", "properties", "test_event_code", "limited_data_use");
    JsonNode context = item.path("context");
    if (!Fields.absent(context) && !context.isObject()) {
      problems.add(Problem.of(prefix + "context", Fields.shown(context), "Must be an object"));
    } else if (context.isObject()) {
      event.set("user", user(context));
      copy(context, event, "page");
    }
    timestamp(item, prefix, event, problems);
    return new IngestRequest.Item(index, prefix, event, problems, RENAMES);
  }

  /**
   * The browser beacon: a 1.0 batch item that may carry {@code age_ms} (how long before sending
   * the event happened) instead of a timestamp, so a wrong browser clock cannot shift event time.
   */
  static IngestRequest.Item beaconToV2(int index, String prefix, JsonNode item) {
    IngestRequest.Item converted = toV2(index, prefix, item);
    JsonNode age = item.get("age_ms");
    if (Fields.absent(age) || item.has("timestamp")) {
      return converted;
    }
    ObjectNode event = (ObjectNode) converted.event();
    if (age.isIntegralNumber() && age.canConvertToLong() && age.longValue() >= 0) {
      event.remove("_event_time_default");
      event.put("_event_age_ms", age.longValue());
      return converted;
    }
    List<Problem> problems = new ArrayList<>(converted.problems());
    problems.add(Problem.of(prefix + "age_ms", Fields.shown(age), "Must be a whole number of milliseconds >= 0"));
    return new IngestRequest.Item(index, prefix, event, problems, RENAMES);
  }

  static void timestamp(JsonNode item, String prefix, ObjectNode event, List<Problem> problems) {
    JsonNode ts = item.get("timestamp");
    if (Fields.absent(ts)) {
      event.put("_event_time_default", true);
    } else if (ts.isIntegralNumber()) {
      event.set("event_time", ts);
    } else if (ts.isTextual()) {
      Optional<Long> seconds = Fields.isoSeconds(ts.textValue());
      if (seconds.isPresent()) {
        event.put("event_time", seconds.get());
      } else if (Fields.isoDate(ts.textValue()).isPresent()) {
        event.put("_event_date", ts.textValue());
      } else {
        problems.add(Problem.of(prefix + "timestamp", Fields.shown(ts), "Not a valid ISO 8601 time with offset, e.g. 2026-11-24T10:15:30Z"));
      }
    } else {
      problems.add(Problem.of(prefix + "timestamp", Fields.shown(ts), "Not a valid ISO 8601 time string"));
    }
  }

  private static ObjectNode user(JsonNode context) {
    ObjectNode user = Json.MAPPER.createObjectNode();
    JsonNode v1 = context.path("user");
    if (v1.isObject()) {
      copy(v1, user, "email", "external_id", "ttp");
      rename(v1, user, "phone_number", "phone");
    } else if (!Fields.absent(v1)) {
      user.set("_invalid", v1);
    }
    rename(context.path("ad"), user, "callback", "ttclid");
    copy(context, user, "ip", "user_agent", "locale");
    return user;
  }

  static void copy(JsonNode from, ObjectNode to, String... names) {
    for (String name : names) {
      JsonNode value = from.get(name);
      if (value != null) {
        to.set(name, value);
      }
    }
  }

  static void rename(JsonNode from, ObjectNode to, String name, String as) {
    JsonNode value = from.get(name);
    if (value != null) {
      to.set(as, value);
    }
  }
}
