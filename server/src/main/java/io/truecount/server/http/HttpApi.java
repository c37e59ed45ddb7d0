package io.truecount.server.http;

import io.truecount.core.Channel;
import io.truecount.core.pii.Pii;
import io.truecount.core.pipeline.LogConsumer;
import io.truecount.core.pipeline.RecentEvents;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.server.Config;
import io.truecount.server.Ingest;
import io.truecount.server.Metrics;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.wire.Code;
import io.truecount.wire.Format;
import io.truecount.wire.RequestIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** The HTTP API: every route with its access class, served by {@link WebServer}. */
public final class HttpApi implements AutoCloseable {
  private static final String ACCESS_TOKEN = "Access-Token";

  /** What the routes read and call. */
  public record Parts(Config config, Catalog catalog, EventLog log, LogConsumer consumer, Ingest ingest, CatalogAdmin admin,
      RecentEvents recent, SourceHealth health, TestEvents testEvents, Metrics metrics, RequestIds requestIds, String adminTokenHash, AdsParts ads, io.truecount.server.ui.UiParts ui,
      io.truecount.server.pixel.PixelScript pixelScript, java.util.Optional<OwnerRouting> routing, java.time.Clock clock) {}

  /** Threads for routes that block (admin, reports, UI pages) and for large ingestion bodies. */
  private static final int WORKER_THREADS = 32;
  /** Requests waiting for a worker before more are answered 429 (docs/design.md). */
  private static final int WORKER_QUEUE = 1024;
  /** A connection silent this long with nothing to answer is closed (a Test Events stream stays open). */
  private static final java.time.Duration IDLE = java.time.Duration.ofMinutes(2);

  private final Parts parts;
  private final List<Route> routes;
  private WebServer server;

  public HttpApi(Parts parts) {
    io.truecount.server.ui.UiRoutes ui = new io.truecount.server.ui.UiRoutes(parts.ui());
    this.parts = parts;
    this.routes = new ArrayList<>(routes(parts));
    routes.addAll(ui.routes());
    routes.replaceAll(route -> route.handledBy(routed(route, guarded(route, parts.adminTokenHash(), ui.guard()), parts.routing())));
  }

  /** Binds the configured address and serves; {@link #close} stops. */
  public HttpApi start() {
    Config c = parts.config();
    server = new WebServer(new WebServer.Settings(c.host(), c.port(), c.ioThreads(), WORKER_THREADS, WORKER_QUEUE, c.maxBodyBytes(), IDLE), routes, parts.requestIds(), parts.clock());
    return this;
  }

  public int port() {
    return server.port();
  }

  public List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  private static List<Route> routes(Parts p) {
    List<Route> routes = new ArrayList<>();
    long maxDecompressed = p.config().maxDecompressedBytes();
    ingestion(routes, "/open_api/v1.3/event/track", new IngestHandler(p.ingest(), p.metrics(), Format.EVENTS_API_2, Channel.SERVER, maxDecompressed));
    ingestion(routes, "/open_api/v1.3/pixel/track", new IngestHandler(p.ingest(), p.metrics(), Format.PIXEL_TRACK, Channel.SERVER, maxDecompressed));
    ingestion(routes, "/open_api/v1.2/pixel/track", new IngestHandler(p.ingest(), p.metrics(), Format.PIXEL_TRACK, Channel.SERVER, maxDecompressed));
    ingestion(routes, "/open_api/v1.3/pixel/batch", new IngestHandler(p.ingest(), p.metrics(), Format.PIXEL_BATCH, Channel.SERVER, maxDecompressed));
    ingestion(routes, "/open_api/v1.3/offline/track", new IngestHandler(p.ingest(), p.metrics(), Format.OFFLINE_TRACK, Channel.SERVER, maxDecompressed));
    ingestion(routes, "/open_api/v1.3/offline/batch", new IngestHandler(p.ingest(), p.metrics(), Format.OFFLINE_BATCH, Channel.SERVER, maxDecompressed));
    routes.add(new Route("GET", "/health", Access.PUBLIC, ex -> Responses.ok(ex, (Object) java.util.Map.of("status", "up"))).onIoThread());
    routes.add(new Route("GET", "/ready", Access.PUBLIC, ex -> ready(ex, p)));
    routes.add(new Route("GET", "/metrics", Access.PUBLIC, ex -> ex.send(200, "text/plain; version=0.0.4; charset=utf-8", p.metrics().scrape())));
    routes.addAll(new AdminRoutes(p.admin(), p.recent(), p.health(), p.testEvents(), p.log()).routes());
    routes.addAll(new AdsRoutes(p.ads()).routes());
    routes.addAll(new ReportRoutes(p.ads()).routes());
    routes.addAll(new TrustRoutes(p.ads()).routes());
    routes.addAll(new PixelRoutes(p.catalog(), p.config(), p.ingest(), p.metrics(), p.pixelScript()).routes());
    routes.add(new Route("GET", "/api/v1/sources/{id}/test-events/stream", Access.ADMIN, new TestEventStream(p.testEvents(), p.catalog())));
    return routes;
  }

  private static void ingestion(List<Route> routes, String path, Handler handler) {
    routes.add(new Route("POST", path + "/", Access.SOURCE_TOKEN, handler).onIoThread());
    routes.add(new Route("POST", path, Access.SOURCE_TOKEN, handler).onIoThread());
  }

  private static void ready(Exchange ex, Parts p) {
    long lag = p.consumer().lag();
    boolean ready = lag < 1_000_000 && p.consumer().failures() == 0;
    var data = io.truecount.wire.Json.MAPPER.createObjectNode().put("pipeline_lag_events", lag).put("pipeline_failures", p.consumer().failures());
    var owned = data.putArray("partitions_owned");
    var serving = data.putArray("partitions_serving");
    for (int partition : new java.util.TreeSet<>(p.consumer().owned())) {
      owned.add(partition);
      if (p.consumer().serves(partition)) {
        serving.add(partition);
      }
    }
    Responses.envelope(ex, ready ? 200 : 503, ready ? Code.OK : Code.SYSTEM_ERROR, ready ? "OK" : "Not ready", data);
  }

  /** Routes that read an advertiser's pipeline state go to the node holding it (in a cluster). */
  private static Handler routed(Route route, Handler handler, java.util.Optional<OwnerRouting> routing) {
    boolean readsState = switch (route.access()) {
      case ADMIN, MEMBER, MEMBER_ADMIN, ADVERTISER_TOKEN -> true; // only requests naming an advertiser are forwarded
      case PUBLIC, SOURCE_TOKEN, SESSION -> false;
    };
    return readsState && routing.isPresent() ? routing.get().route(handler) : handler;
  }

  private static Handler guarded(Route route, String adminTokenHash, io.truecount.server.ui.SessionGuard sessions) {
    return switch (route.access()) {
      case PUBLIC, SOURCE_TOKEN, ADVERTISER_TOKEN -> route.handler();
      case SESSION -> sessions.guard(io.truecount.server.ui.SessionGuard.Need.SIGNED_IN, route.handler());
      case MEMBER -> sessions.guard(io.truecount.server.ui.SessionGuard.Need.MEMBER, route.handler());
      case MEMBER_ADMIN -> sessions.guard(io.truecount.server.ui.SessionGuard.Need.ADMIN_MEMBER, route.handler());
      case ADMIN -> ex -> {
        String presented = bearer(ex);
        if (presented.isEmpty()) {
          Responses.envelope(ex, 401, Code.EMPTY_TOKEN, "Admin token required: Authorization: Bearer <admin token>", null);
        } else if (!MessageDigest.isEqual(Pii.sha256Hex(presented).getBytes(StandardCharsets.US_ASCII), adminTokenHash.getBytes(StandardCharsets.US_ASCII))) {
          Responses.envelope(ex, 401, Code.INVALID_TOKEN, "Admin token is invalid", null);
        } else {
          route.handler().handle(ex);
        }
      };
    };
  }

  private static String bearer(Exchange ex) {
    String header = ex.header(io.netty.handler.codec.http.HttpHeaderNames.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return header.substring(7).trim();
    }
    String token = ex.header(ACCESS_TOKEN);
    return token == null ? "" : token.trim();
  }
}
