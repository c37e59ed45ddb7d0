package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.AccessToken;
import io.truecount.server.ads.ReportService;
import io.truecount.wire.Code;
import io.truecount.wire.Envelope;
import io.truecount.wire.WireException;

/**
 * A token-authenticated route that does blocking work (durable appends, report queries): runs on a
 * worker thread, authenticates {@code Access-Token}, answers in TikTok's envelope. Bad input is a
 * precise 4xxxx code; a bug is a logged 50000, never a stack trace.
 */
final class TokenJsonHandler implements Handler {
  private static final String ACCESS_TOKEN = "Access-Token";
  static final int MAX_BODY = 16 << 20;
  private static final System.Logger LOG = System.getLogger(TokenJsonHandler.class.getName());

  /** What the route does once the token is known: returns the envelope bytes. */
  interface Action {
    byte[] handle(AccessToken token, byte[] body, Exchange exchange, String requestId) throws WireException;
  }

  private final TokenAuth auth;
  private final Action action;

  TokenJsonHandler(TokenAuth auth, Action action) {
    this.auth = auth;
    this.action = action;
  }

  /** The {@code data} of a successful answer. */
  static byte[] ok(JsonNode data, String requestId) {
    return Envelope.of(Code.OK, "OK", requestId, data);
  }

  @Override
  public void handle(Exchange exchange) {
    String requestId = exchange.requestId();
    try {
      byte[] body = exchange.body();
      if (body.length > MAX_BODY) {
        Responses.envelope(exchange, 413, Code.INVALID_PARAMS, "Request body over " + (MAX_BODY >> 20) + " MiB: split it", null);
        return;
      }
      AccessToken token = auth.authenticate(exchange.header(ACCESS_TOKEN));
      Responses.json(exchange, 200, action.handle(token, body, exchange, requestId));
    } catch (WireException e) {
      Responses.json(exchange, 200, Envelope.error(e, requestId));
    } catch (ReportService.BadRequest e) {
      Responses.envelope(exchange, 200, Code.PARAMETER_ERROR, e.getMessage(), null);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed: " + exchange.path(), e);
      Responses.envelope(exchange, 200, Code.SYSTEM_ERROR, "System error: nothing was stored; retry the request", null);
    }
  }
}
