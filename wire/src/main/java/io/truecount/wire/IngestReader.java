package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.SourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a request body of any accepted format into an {@link IngestRequest} of 2.0-shaped events. */
public final class IngestReader {
  private IngestReader() {}

  public static IngestRequest read(Format format, byte[] body) throws WireException {
    JsonNode root = Json.parse(body);
    if (!root.isObject()) {
      throw new WireException(Code.INVALID_PARAMS, "Request body must be a JSON object, got " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    return switch (format) {
      case EVENTS_API_2 -> eventsApi2(root);
      case PIXEL_TRACK -> single(format, root, PixelV1::toV2);
      case PIXEL_BATCH -> batch(format, root, PixelV1::toV2);
      case BEACON -> batch(format, root, PixelV1::beaconToV2);
      case OFFLINE_TRACK -> single(format, root, Offline::toV2);
      case OFFLINE_BATCH -> batch(format, root, Offline::toV2);
    };
  }

  private static IngestRequest eventsApi2(JsonNode root) throws WireException {
    List<Problem> problems = new ArrayList<>();
    Optional<String> kindText = Fields.requiredString(root, "", "event_source", problems);
    Optional<SourceKind> kind = kindText.flatMap(SourceKind::fromWire);
    if (kindText.isPresent() && kind.isEmpty()) {
      problems.add(Problem.of("event_source", Fields.shown(root.get("event_source")), "Must be one of web, app, offline, crm"));
    }
    Optional<String> sourceId = Fields.requiredString(root, "", "event_source_id", problems);
    String testCode = Fields.optionalString(root, "", "test_event_code", problems);
    String partner = Fields.optionalString(root, "", "partner_name", problems);
    JsonNode data = eventArray(root, "data", Format.EVENTS_API_2, problems);
    throwIfAny(problems);
    List<IngestRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      items.add(new IngestRequest.Item(i, "data." + i + ".", withoutMarkers(data.get(i)), List.of(), Map.of()));
    }
    return new IngestRequest(Format.EVENTS_API_2, sourceId.orElseThrow(), kind, testCode, partner, items);
  }

  /** Internal markers the 1.0 / offline / beacon converters set; never taken from a sender. */
  private static final List<String> MARKERS = List.of("_event_time_default", "_event_date", "_event_age_ms");

  /** One map removal a marker (absent at once): {@code remove(Collection)} walked the key set's entries per marker. */
  private static JsonNode withoutMarkers(JsonNode event) {
    if (event instanceof ObjectNode object) {
      for (String marker : MARKERS) {
        object.remove(marker);
      }
    }
    return event;
  }

  /** Converts one 1.0 / offline item to the 2.0 event shape. */
  interface ItemConverter {
    IngestRequest.Item convert(int index, String prefix, JsonNode item);
  }

  private static IngestRequest single(Format format, JsonNode root, ItemConverter converter) throws WireException {
    List<Problem> problems = new ArrayList<>();
    Optional<String> sourceId = Fields.requiredString(root, "", format.sourceField(), problems);
    String partner = Fields.optionalString(root, "", "partner_name", problems);
    throwIfAny(problems);
    IngestRequest.Item item = converter.convert(0, "", root);
    return new IngestRequest(format, sourceId.orElseThrow(), kindOf(format), "", partner, List.of(item));
  }

  private static IngestRequest batch(Format format, JsonNode root, ItemConverter converter) throws WireException {
    List<Problem> problems = new ArrayList<>();
    Optional<String> sourceId = Fields.requiredString(root, "", format.sourceField(), problems);
    String partner = Fields.optionalString(root, "", "partner_name", problems);
    String testCode = Fields.optionalString(root, "", "test_event_code", problems);
    JsonNode batch = eventArray(root, "batch", format, problems);
    throwIfAny(problems);
    List<IngestRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      JsonNode item = batch.get(i);
      if (!item.isObject()) {
        items.add(new IngestRequest.Item(i, "batch." + i, item, List.of(Problem.of("batch." + i, Fields.shown(item), "Must be an event object")), Map.of()));
      } else {
        items.add(converter.convert(i, "batch." + i + ".", withInheritedCode(item, testCode)));
      }
    }
    return new IngestRequest(format, sourceId.orElseThrow(), kindOf(format), testCode, partner, items);
  }

  private static JsonNode withInheritedCode(JsonNode item, String testCode) {
    if (testCode.isEmpty() || item.has("test_event_code")) {
      return item;
    }
    return ((ObjectNode) item.deepCopy()).put("test_event_code", testCode);
  }

  private static JsonNode eventArray(JsonNode root, String name, Format format, List<Problem> problems)
      throws WireException {
    JsonNode data = root.get(name);
    if (Fields.absent(data)) {
      problems.add(Problem.of(name, "", "Missing required field: an array of 1 to " + format.maxEvents() + " events"));
      return data;
    }
    if (!data.isArray()) {
      problems.add(Problem.of(name, Fields.shown(data), "Must be an array of events"));
      return data;
    }
    if (data.size() > format.maxEvents()) {
      throw new WireException(
          Code.BATCH_TOO_LARGE,
          name + ": " + data.size() + " events in one request; at most " + format.maxEvents() + " are allowed. Nothing was accepted: split the batch.",
          List.of(new Problem(name, data.size() + " events", "At most " + format.maxEvents() + " events", Code.BATCH_TOO_LARGE)));
    }
    if (data.isEmpty()) {
      problems.add(Problem.of(name, "[]", "Must hold at least 1 event"));
    }
    return data;
  }

  private static Optional<SourceKind> kindOf(Format format) {
    return switch (format) {
      case PIXEL_TRACK, PIXEL_BATCH, BEACON -> Optional.of(SourceKind.WEB);
      case OFFLINE_TRACK, OFFLINE_BATCH -> Optional.of(SourceKind.OFFLINE);
      case EVENTS_API_2 -> Optional.empty();
    };
  }

  private static void throwIfAny(List<Problem> problems) throws WireException {
    if (!problems.isEmpty()) {
      StringBuilder message = new StringBuilder();
      problems.forEach(p -> message.append(message.length() == 0 ? "" : "; ").append(p.message()));
      throw new WireException(Code.PARAMETER_ERROR, message.toString(), problems);
    }
  }
}
