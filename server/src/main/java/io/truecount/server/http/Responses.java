package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Code;
import io.truecount.wire.Envelope;
import io.truecount.wire.Json;

/** Writing JSON answers in TikTok's envelope. */
final class Responses {
  static final String JSON = "application/json; charset=utf-8";

  private Responses() {}

  static void json(Exchange exchange, int status, byte[] body) {
    exchange.send(status, JSON, body);
  }

  static void envelope(Exchange exchange, int status, Code code, String message, JsonNode data) {
    json(exchange, status, Envelope.of(code, message, exchange.requestId(), data));
  }

  static void ok(Exchange exchange, JsonNode data) {
    envelope(exchange, 200, Code.OK, "OK", data);
  }

  static void ok(Exchange exchange, Object data) {
    ok(exchange, Json.MAPPER.valueToTree(data));
  }
}
