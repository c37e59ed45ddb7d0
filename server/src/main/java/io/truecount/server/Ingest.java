package io.truecount.server;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.Channel;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogOverloadedException;
import io.truecount.server.http.TokenAuth;
import io.truecount.wire.Code;
import io.truecount.wire.Decoded;
import io.truecount.wire.Envelope;
import io.truecount.wire.EventDecoder;
import io.truecount.wire.FailedEvent;
import io.truecount.wire.Format;
import io.truecount.wire.IngestReader;
import io.truecount.wire.IngestRequest;
import io.truecount.wire.Limits;
import io.truecount.wire.SourceContext;
import io.truecount.wire.WireException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * The edge of the pipeline, whatever the transport: authenticate, read, authorize, validate,
 * append durably, answer. No business rule lives here. Answers complete only after the accepted
 * events are durable.
 */
public final class Ingest {
  private static final System.Logger LOG = System.getLogger(Ingest.class.getName());

  private final Catalog catalog;
  private final TokenAuth auth;
  private final EventLog log;
  private final SourceHealth health;
  private final Metrics metrics;
  private final Clock clock;
  private final Limits limits;

  public Ingest(Catalog catalog, TokenAuth auth, EventLog log, SourceHealth health, Metrics metrics, Clock clock, Limits limits) {
    this.catalog = catalog;
    this.auth = auth;
    this.log = log;
    this.health = health;
    this.metrics = metrics;
    this.clock = clock;
    this.limits = limits;
  }

  /** An answer: HTTP status, envelope body, its code. */
  public record Answer(int status, byte[] body, Code code) {}

  /** The connection's client, filled into beacon events (a browser cannot know its public IP). */
  public record Client(String ip, String userAgent) {
    public static final Client NONE = new Client("", "");
  }

  /**
   * @param client the connection's client for the browser beacon, {@link Client#NONE} otherwise
   * @param tokenHeader the {@code Access-Token} header, or null for the public pixel beacon (which
   *     needs no token but only reaches web pixels)
   */
  public CompletableFuture<Answer> accept(Format format, Channel channel, Client client, String tokenHeader, byte[] json, String requestId) {
    try {
      AccessToken token = format == Format.BEACON ? null : auth.authenticate(tokenHeader);
      IngestRequest request = IngestReader.read(format, json);
      if (client != Client.NONE) {
        request = request.withClient(client.ip(), client.userAgent());
      }
      EventSource source = catalog.source(request.sourceId()).orElse(null);
      if (token != null) {
        TokenAuth.authorize(token, request.sourceId(), source);
      } else if (source == null || source.kind() != SourceKind.WEB) {
        throw new WireException(Code.NO_PERMISSION, "No permission to operate pixel code: " + request.sourceId() + " (no such pixel on this server)");
      }
      Advertiser advertiser = catalog.advertiser(source.advertiserId()).orElseThrow();
      SourceContext ctx = new SourceContext(source, advertiser.country(), advertiser.zone(), clock.instant(), channel, limits);
      Decoded decoded = EventDecoder.decode(request, ctx);
      countRejected(source.id(), decoded);
      return append(format, decoded, requestId);
    } catch (WireException e) {
      metrics.rejected(e.code(), 1);
      return done(new Answer(200, Envelope.error(e, requestId), e.code()));
    } catch (LogOverloadedException e) {
      return done(new Answer(429, Envelope.of(Code.TOO_MANY_REQUESTS, "Too many requests: the event log is saturated (" + e.getMessage() + "); nothing was accepted, retry after 1 s", requestId, null), Code.TOO_MANY_REQUESTS));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "ingestion failed, request " + requestId, e);
      return done(systemError(requestId));
    }
  }

  private CompletableFuture<Answer> append(Format format, Decoded decoded, String requestId) {
    if (decoded.accepted().isEmpty()) {
      return done(new Answer(200, Envelope.ingested(decoded, requestId), decoded.code()));
    }
    return log.append(decoded.accepted()).handle((seq, failure) -> {
      if (failure != null) {
        return systemError(requestId);
      }
      metrics.accepted(format.name().toLowerCase(java.util.Locale.ROOT), decoded.accepted().size());
      return new Answer(200, Envelope.ingested(decoded, requestId), decoded.code());
    });
  }

  private void countRejected(String sourceId, Decoded decoded) {
    for (FailedEvent failed : decoded.failed()) {
      metrics.rejected(failed.code(), 1);
      health.recordRejected(sourceId, failed.code().number(), 1);
    }
  }

  private static Answer systemError(String requestId) {
    return new Answer(200, Envelope.of(Code.SYSTEM_ERROR, "System error: the events were not stored; retry the request", requestId, null), Code.SYSTEM_ERROR);
  }

  private static CompletableFuture<Answer> done(Answer answer) {
    return CompletableFuture.completedFuture(answer);
  }
}
