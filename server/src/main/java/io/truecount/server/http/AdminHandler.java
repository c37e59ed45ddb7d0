package io.truecount.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.admin.AdminException;
import io.truecount.wire.Code;
import io.truecount.wire.Json;

/** A blocking JSON route (catalog reads and writes): runs on a worker thread, answers in the envelope. */
final class AdminHandler implements Handler {
  private static final int MAX_BODY = 1 << 20;
  /** The largest upload (CSV, NDJSON) a route takes: give its route this {@link Route#maxBody}. */
  static final int MAX_UPLOAD = 256 << 20;
  private static final System.Logger LOG = System.getLogger(AdminHandler.class.getName());

  interface Action {
    JsonNode handle(JsonRequest request);
  }

  /** Writes a non-JSON answer (e.g. CSV) itself when it applies; returns false to answer JSON. */
  interface RawAnswer {
    boolean write(JsonRequest request, Exchange exchange);
  }

  private final Action action;
  private final RawAnswer raw;
  private final boolean upload;

  AdminHandler(Action action) {
    this(action, (r, ex) -> false);
  }

  AdminHandler(Action action, RawAnswer raw) {
    this(action, raw, false);
  }

  private AdminHandler(Action action, RawAnswer raw, boolean upload) {
    this.action = action;
    this.raw = raw;
    this.upload = upload;
  }

  /** A route whose body is a file (CSV, NDJSON) up to 256 MiB, not JSON. */
  static AdminHandler upload(Action action) {
    return new AdminHandler(action, (r, ex) -> false, true);
  }

  @Override
  public void handle(Exchange exchange) {
    try {
      JsonRequest request = upload ? JsonRequest.upload(exchange, readUpload(exchange)) : JsonRequest.of(exchange, readBody(exchange));
      if (!raw.write(request, exchange)) {
        Responses.ok(exchange, action.handle(request));
      }
    } catch (AdminException.TooLarge e) {
      Responses.envelope(exchange, 413, Code.INVALID_PARAMS, "Request body too large: over " + (MAX_BODY >> 20) + " MiB of JSON", null);
    } catch (JsonProcessingException e) {
      Responses.envelope(exchange, 400, Code.INVALID_PARAMS, "Request body is not valid JSON: " + e.getOriginalMessage(), null);
    } catch (AdminException e) {
      Responses.envelope(exchange, e.notFound() ? 404 : 400, e.notFound() ? Code.NOT_FOUND : Code.PARAMETER_ERROR, e.getMessage(), null);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "admin request failed: " + exchange.path(), e);
      Responses.envelope(exchange, 500, Code.SYSTEM_ERROR, "System error: " + e.getClass().getSimpleName(), null);
    }
  }

  private static byte[] readUpload(Exchange exchange) {
    byte[] bytes = exchange.body();
    if (bytes.length > MAX_UPLOAD) {
      throw AdminException.invalid("upload over 256 MiB: split the file by date range");
    }
    return bytes;
  }

  private static JsonNode readBody(Exchange exchange) throws java.io.IOException {
    byte[] bytes = exchange.body();
    if (bytes.length > MAX_BODY) {
      throw new AdminException.TooLarge();
    }
    return bytes.length == 0 ? null : Json.MAPPER.readTree(bytes);
  }
}
