package io.truecount.server.http;

import io.truecount.core.Channel;
import io.truecount.server.Ingest;
import io.truecount.server.Metrics;
import io.truecount.wire.Code;
import io.truecount.wire.Envelope;
import io.truecount.wire.Format;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * An ingestion route: reads the whole body on the IO thread (gzip allowed, size bounded), hands it
 * to {@link Ingest} (large batches on the worker pool, so they spread over the cores), and answers
 * on the IO thread once the events are durable.
 */
final class IngestHandler implements HttpHandler {
  private static final HttpString RETRY_AFTER = new HttpString("Retry-After");
  private static final HttpString ACCESS_TOKEN = new HttpString("Access-Token");
  /** Bodies from this size on (a batch of ~30 events) are parsed on the worker pool, not the IO thread. */
  private static final int OFFLOAD_BYTES = 16 * 1024;

  private final Ingest ingest;
  private final Metrics metrics;
  private final Format format;
  private final Channel channel;
  private final long maxDecompressed;
  private final Function<HttpServerExchange, Ingest.Client> clientOf;

  IngestHandler(Ingest ingest, Metrics metrics, Format format, Channel channel, long maxDecompressed) {
    this(ingest, metrics, format, channel, maxDecompressed, ex -> Ingest.Client.NONE);
  }

  IngestHandler(Ingest ingest, Metrics metrics, Format format, Channel channel, long maxDecompressed,
      Function<HttpServerExchange, Ingest.Client> clientOf) {
    this.ingest = ingest;
    this.metrics = metrics;
    this.format = format;
    this.channel = channel;
    this.maxDecompressed = maxDecompressed;
    this.clientOf = clientOf;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    long length = exchange.getRequestContentLength();
    if (length > exchange.getMaxEntitySize()) {
      tooLarge(exchange, length + " bytes, more than the " + exchange.getMaxEntitySize() + " allowed");
      return;
    }
    if (length < 0 || length > Integer.MAX_VALUE) {
      exchange.getRequestReceiver().receiveFullBytes(this::onBody, (ex, error) -> tooLarge(ex, error.getMessage()));
      return;
    }
    byte[] body = new byte[(int) length];
    int[] filled = {0};
    exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
      int n = Math.min(chunk.length, body.length - filled[0]);
      System.arraycopy(chunk, 0, body, filled[0], n);
      filled[0] += n;
      if (last) {
        onBody(ex, body);
      }
    }, (ex, error) -> tooLarge(ex, error.getMessage()));
  }

  private void onBody(HttpServerExchange exchange, byte[] body) {
    String requestId = Responses.requestId(exchange);
    byte[] json;
    try {
      json = decompressed(exchange, body);
    } catch (IOException e) {
      reply(exchange, new Ingest.Answer(200, Envelope.of(Code.INVALID_PARAMS, "Request body is not valid gzip: " + e.getMessage(), requestId, null), Code.INVALID_PARAMS));
      return;
    } catch (TooLarge e) {
      tooLarge(exchange, e.getMessage());
      return;
    }
    if (json.length >= OFFLOAD_BYTES) {
      // A connection stays on one IO thread; a few busy batch senders would otherwise all be
      // parsed on the same core. Large bodies go to the worker pool, small ones stay here.
      exchange.dispatch(exchange.getConnection().getWorker(), () -> ingest(exchange, json, requestId));
    } else {
      ingest(exchange, json, requestId);
    }
  }

  private void ingest(HttpServerExchange exchange, byte[] json, String requestId) {
    var answer = ingest.accept(format, channel, clientOf.apply(exchange), exchange.getRequestHeaders().getFirst(ACCESS_TOKEN), json, requestId);
    if (answer.isDone()) {
      reply(exchange, answer.join());
    } else {
      ReadsKeptArmed.whileWaiting(exchange);
      exchange.dispatch(SameThreadExecutor.INSTANCE, () ->
          answer.thenAccept(a -> exchange.getIoThread().execute(() -> reply(exchange, a))));
    }
  }

  private void reply(HttpServerExchange exchange, Ingest.Answer answer) {
    metrics.answered(answer.code());
    if (answer.code() == Code.TOO_MANY_REQUESTS) {
      exchange.getResponseHeaders().put(RETRY_AFTER, "1");
    }
    Responses.json(exchange, answer.status(), answer.body());
  }

  private void tooLarge(HttpServerExchange exchange, String detail) {
    metrics.answered(Code.INVALID_PARAMS);
    Responses.envelope(exchange, 413, Code.INVALID_PARAMS, "Request body too large: " + detail + ". Send at most 1000 events per request.", null);
  }

  private byte[] decompressed(HttpServerExchange exchange, byte[] body) throws IOException, TooLarge {
    String encoding = exchange.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING);
    if (encoding == null || encoding.equalsIgnoreCase("identity")) {
      return body;
    }
    if (!encoding.equalsIgnoreCase("gzip")) {
      throw new IOException("Content-Encoding " + encoding + " is not supported (use gzip)");
    }
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
      byte[] buffer = new byte[16384];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxDecompressed) {
          throw new TooLarge("more than " + maxDecompressed + " bytes after gzip decompression");
        }
      }
      return out.toByteArray();
    }
  }

  private static final class TooLarge extends Exception {
    private static final long serialVersionUID = 1L;

    TooLarge(String message) {
      super(message);
    }
  }
}
