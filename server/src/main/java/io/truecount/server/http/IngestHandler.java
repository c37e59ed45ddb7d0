package io.truecount.server.http;

import io.truecount.core.Channel;
import io.truecount.server.Ingest;
import io.truecount.server.Metrics;
import io.truecount.wire.Code;
import io.truecount.wire.Envelope;
import io.truecount.wire.Format;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * An ingestion route, on the IO thread: unzips the body (gzip allowed, size bounded), hands it to
 * {@link Ingest} (large batches on the worker pool, so they spread over the cores), and answers
 * once the events are durable.
 */
final class IngestHandler implements Handler.SizeAware {
  private static final String RETRY_AFTER = "Retry-After";
  private static final String ACCESS_TOKEN = "Access-Token";
  /** Bodies from this size on (a batch of ~30 events) are parsed on the worker pool, not the IO thread. */
  private static final int OFFLOAD_BYTES = 16 * 1024;

  private final Ingest ingest;
  private final Metrics metrics;
  private final Format format;
  private final Channel channel;
  private final long maxDecompressed;
  private final Function<Exchange, Ingest.Client> clientOf;

  IngestHandler(Ingest ingest, Metrics metrics, Format format, Channel channel, long maxDecompressed) {
    this(ingest, metrics, format, channel, maxDecompressed, ex -> Ingest.Client.NONE);
  }

  IngestHandler(Ingest ingest, Metrics metrics, Format format, Channel channel, long maxDecompressed,
      Function<Exchange, Ingest.Client> clientOf) {
    this.ingest = ingest;
    this.metrics = metrics;
    this.format = format;
    this.channel = channel;
    this.maxDecompressed = maxDecompressed;
    this.clientOf = clientOf;
  }

  @Override
  public void handle(Exchange exchange) {
    byte[] body = exchange.body();
    String requestId = exchange.requestId();
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
      if (!exchange.onWorker(() -> ingest(exchange, json, requestId))) {
        metrics.answered(Code.TOO_MANY_REQUESTS);
      }
    } else {
      ingest(exchange, json, requestId);
    }
  }

  private void ingest(Exchange exchange, byte[] json, String requestId) {
    var answer = ingest.accept(format, channel, clientOf.apply(exchange), exchange.header(ACCESS_TOKEN), json, requestId);
    if (answer.isDone()) {
      reply(exchange, answer.join());
    } else {
      // the answer is built on the connection's event loop: the log writer, which completes the
      // commit's futures one after another, only hands each one over
      answer.thenAcceptAsync(a -> reply(exchange, a), exchange.ioThread());
    }
  }

  private void reply(Exchange exchange, Ingest.Answer answer) {
    metrics.answered(answer.code());
    if (answer.code() == Code.TOO_MANY_REQUESTS) {
      exchange.responseHeader(RETRY_AFTER, "1");
    }
    Responses.json(exchange, answer.status(), answer.body());
  }

  @Override
  public void tooLarge(Exchange exchange, String detail) {
    metrics.answered(Code.INVALID_PARAMS);
    Responses.envelope(exchange, 413, Code.INVALID_PARAMS, "Request body too large: " + detail + ". Send at most 1000 events per request.", null);
  }

  private byte[] decompressed(Exchange exchange, byte[] body) throws IOException, TooLarge {
    String encoding = exchange.header(HttpHeaderNames.CONTENT_ENCODING);
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
