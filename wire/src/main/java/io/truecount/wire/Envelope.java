package io.truecount.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** TikTok's response envelope: {@code {"code", "message", "request_id", "data"}}, always JSON. */
public final class Envelope {
  private Envelope() {}

  public static byte[] ok(String requestId) {
    return write(Code.OK, Code.OK.text(), requestId, null);
  }

  public static byte[] of(Code code, String message, String requestId, JsonNode data) {
    return write(code, message, requestId, data);
  }

  public static byte[] error(WireException e, String requestId) {
    return write(e.code(), e.getMessage(), requestId, e.problems().isEmpty() ? null : problemsData(e.problems()));
  }

  /** The answer to an ingestion request after its accepted events are durable. */
  public static byte[] ingested(Decoded decoded, String requestId) {
    Code code = decoded.code();
    if (code == Code.OK) {
      return ok(requestId);
    }
    var data = Json.MAPPER.createObjectNode();
    data.put("received", decoded.total());
    data.put("accepted", decoded.accepted().size());
    var failed = data.putArray("failed_events");
    for (FailedEvent f : decoded.failed()) {
      var item = failed.addObject();
      item.put("index", f.index());
      item.put("event_id", f.eventId());
      item.put("code", f.code().number());
      item.set("problems", problemsArray(f.problems()));
    }
    return write(code, summary(decoded), requestId, data);
  }

  private static String summary(Decoded decoded) {
    FailedEvent first = decoded.failed().get(0);
    String head = decoded.accepted().isEmpty()
        ? "No event accepted"
        : decoded.accepted().size() + " of " + decoded.total() + " events accepted";
    return head + "; " + decoded.failed().size() + " failed, first: " + first.problems().get(0).message();
  }

  private static JsonNode problemsData(List<Problem> problems) {
    var data = Json.MAPPER.createObjectNode();
    data.set("problems", problemsArray(problems));
    return data;
  }

  private static JsonNode problemsArray(List<Problem> problems) {
    var array = Json.MAPPER.createArrayNode();
    for (Problem p : problems) {
      array.addObject().put("field", p.field()).put("value", p.value()).put("rule", p.rule());
    }
    return array;
  }

  private static byte[] write(Code code, String message, String requestId, JsonNode data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeNumberField("code", code.number());
      json.writeStringField("message", message);
      json.writeStringField("request_id", requestId);
      json.writeFieldName("data");
      if (data == null) {
        json.writeStartObject();
        json.writeEndObject();
      } else {
        Json.MAPPER.writeTree(json, data);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
