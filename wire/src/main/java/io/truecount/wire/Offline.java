package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Legacy offline events ({@code offline/track}, {@code offline/batch}) converted to 2.0. */
final class Offline {
  private static final Map<String, String> RENAMES = new LinkedHashMap<>();

  static {
    RENAMES.put("user.email", "context.user.emails");
    RENAMES.put("user.phone", "context.user.phone_numbers");
    RENAMES.put("user.external_id", "context.user.external_id");
    RENAMES.put("user", "context.user");
    RENAMES.put("event_time", "timestamp");
  }

  private Offline() {}

  static IngestRequest.Item toV2(int index, String prefix, JsonNode item) {
    List<Problem> problems = new ArrayList<>();
    ObjectNode event = Json.MAPPER.createObjectNode();
    PixelV1.copy(item, event, "event", "event_id", "properties", "test_event_code");
    JsonNode v1 = item.path("context").path("user");
    ObjectNode user = Json.MAPPER.createObjectNode();
    if (v1.isObject()) {
      PixelV1.rename(v1, user, "emails", "email");
      PixelV1.rename(v1, user, "phone_numbers", "phone");
      PixelV1.copy(v1, user, "email", "phone", "external_id");
    }
    event.set("user", user);
    PixelV1.timestamp(item, prefix, event, problems);
    return new IngestRequest.Item(index, prefix, event, problems, RENAMES);
  }
}
