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
    if (!plainId(requestId)) {
      return write(Code.OK, Code.OK.text(), requestId, null);
    }
    // The answer to almost every ingestion request: written without a JSON generator.
    byte[] out = new byte[OK_HEAD.length + requestId.length() + OK_TAIL.length];
    System.arraycopy(OK_HEAD, 0, out, 0, OK_HEAD.length);
    for (int i = 0; i < requestId.length(); i++) {
      out[OK_HEAD.length + i] = (byte) requestId.charAt(i);
    }
    System.arraycopy(OK_TAIL, 0, out, OK_HEAD.length + requestId.length(), OK_TAIL.length);
    return out;
  }

  private static final byte[] OK_HEAD = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] OK_TAIL = "\",\"data\":{}}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** Letters and digits only, so it needs no JSON escaping (our own request ids always are). */
  private static boolean plainId(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  public static byte[] of(Code code, String message, String requestId, JsonNode data) {
    return write(code, message, requestId, data);
  }

  public static byte[] error(WireException e, String requestId) {
    return write(e.code(), e.getMessage(), requestId, e.problems().isEmpty() ? null : problemsData(e.problems()));
  }

  /** The answer to an ingestion request after its accepted events are durable. */
  public static byte[] ingested(Decoded decoded, String requestId) {
    return batch(decoded.total(), decoded.accepted().size(), decoded.failed(), "event", requestId);
  }

  /**
   * The answer to any batch (events, touches, delivery rows): 0 when all were accepted, else
   * 20001 / the failures' code with {@code received}, {@code accepted} and {@code failed_<noun>s}.
   */
  public static byte[] batch(int total, int accepted, List<FailedEvent> failures, String noun, String requestId) {
    Code code = Decoded.codeOf(accepted, failures);
    if (code == Code.OK) {
      return ok(requestId);
    }
    var data = Json.MAPPER.createObjectNode();
    data.put("received", total);
    data.put("accepted", accepted);
    var failed = data.putArray("failed_" + plural(noun));
    for (FailedEvent f : failures) {
      var item = failed.addObject();
      item.put("index", f.index());
      item.put(noun + "_id", f.eventId());
      item.put("code", f.code().number());
      item.set("problems", problemsArray(f.problems()));
    }
    String head = accepted == 0 ? "No " + noun + " accepted" : accepted + " of " + total + " " + plural(noun) + " accepted";
    return write(code, head + "; " + failures.size() + " failed, first: " + failures.get(0).problems().get(0).message(), requestId, data);
  }

  private static String plural(String noun) {
    return noun.endsWith("ch") || noun.endsWith("s") ? noun + "es" : noun + "s";
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
