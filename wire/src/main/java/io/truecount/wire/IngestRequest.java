package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request read from any wire format: the source it names, and its events as Events API 2.0
 * event objects. Problems found while converting an item travel with it; {@code prefix} and
 * {@code renames} map 2.0 field paths back to the paths the sender wrote.
 */
public record IngestRequest(
    Format format,
    String sourceId,
    Optional<SourceKind> declaredKind,
    String testEventCode,
    String partnerName,
    List<Item> items) {

  public IngestRequest {
    items = List.copyOf(items);
  }

  /**
   * The request with the connection's client address and user agent filled into every event that
   * does not name its own: the browser beacon cannot know its public IP.
   */
  public IngestRequest withClient(String ip, String userAgent) {
    for (Item item : items) {
      if (item.event() instanceof ObjectNode event) {
        JsonNode user = event.get("user");
        ObjectNode target = user instanceof ObjectNode o ? o : user == null ? event.putObject("user") : null;
        if (target != null) {
          fill(target, "ip", ip);
          fill(target, "user_agent", userAgent);
        }
      }
    }
    return this;
  }

  private static void fill(ObjectNode user, String field, String value) {
    JsonNode current = user.get(field);
    boolean missing = Fields.absent(current) || current.isTextual() && current.textValue().isBlank();
    if (value != null && !value.isEmpty() && missing) {
      user.put(field, value);
    }
  }

  /** One event of the request, already in 2.0 shape. */
  public record Item(int index, String prefix, JsonNode event, List<Problem> problems, Map<String, String> renames) {
    public Item {
      problems = List.copyOf(problems);
    }

    /** The sender's path of a field given by its path inside a 2.0 event. */
    String pathOf(String v2Path) {
      for (Map.Entry<String, String> rename : renames.entrySet()) {
        String from = rename.getKey();
        if (v2Path.equals(from) || v2Path.startsWith(from + ".")) {
          return prefix + rename.getValue() + v2Path.substring(from.length());
        }
      }
      return prefix + v2Path;
    }
  }
}
