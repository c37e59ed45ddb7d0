package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Code;
import io.truecount.wire.Envelope;
import io.truecount.wire.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;

/** Writing JSON answers in TikTok's envelope. */
final class Responses {
  private Responses() {}

  static void json(HttpServerExchange exchange, int status, byte[] body) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }

  static void envelope(HttpServerExchange exchange, int status, Code code, String message, JsonNode data) {
    json(exchange, status, Envelope.of(code, message, requestId(exchange), data));
  }

  static void ok(HttpServerExchange exchange, JsonNode data) {
    envelope(exchange, 200, Code.OK, "OK", data);
  }

  static void ok(HttpServerExchange exchange, Object data) {
    ok(exchange, Json.MAPPER.valueToTree(data));
  }

  static String requestId(HttpServerExchange exchange) {
    String id = exchange.getAttachment(HttpApi.REQUEST_ID);
    return id == null ? "" : id;
  }
}
