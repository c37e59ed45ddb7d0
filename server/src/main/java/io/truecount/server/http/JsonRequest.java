package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.truecount.server.admin.AdminException;
import java.util.Optional;

/** Path and query parameters and the JSON body of an admin request. */
public record JsonRequest(Exchange exchange, JsonNode body, byte[] raw) {

  public static JsonRequest of(Exchange exchange, JsonNode body) {
    return new JsonRequest(exchange, body == null ? MissingNode.getInstance() : body, new byte[0]);
  }

  /** An upload (CSV, NDJSON): the bytes as sent, no JSON body. */
  public static JsonRequest upload(Exchange exchange, byte[] raw) {
    return new JsonRequest(exchange, MissingNode.getInstance(), raw);
  }

  public Optional<String> param(String name) {
    return exchange.param(name);
  }

  /** A YYYY-MM-DD query parameter, or empty when absent; a malformed one is a 40002 naming it. */
  public Optional<java.time.LocalDate> date(String name) {
    return param(name).map(text -> {
      try {
        return java.time.LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        throw AdminException.invalid(name + " " + text + ": must be YYYY-MM-DD");
      }
    });
  }

  public String path(String name) {
    return param(name).orElseThrow(() -> AdminException.invalid("missing path parameter " + name));
  }

  public Optional<String> text(String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isValueNode()) {
      throw AdminException.invalid(field + ": must be a string");
    }
    return Optional.of(node.asText());
  }

  public String required(String field) {
    return text(field).orElseThrow(() -> AdminException.invalid(field + ": required"));
  }

  public boolean flag(String field) {
    JsonNode node = body.get(field);
    return node != null && node.asBoolean(false);
  }
}
