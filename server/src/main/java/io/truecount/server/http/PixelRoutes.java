package io.truecount.server.http;

import io.truecount.core.Advertiser;
import io.truecount.core.Channel;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.spi.Catalog;
import io.truecount.server.Config;
import io.truecount.server.Ingest;
import io.truecount.server.Metrics;
import io.truecount.server.pixel.PixelScript;
import io.truecount.server.pixel.Snippet;
import io.truecount.wire.Format;
import io.truecount.wire.Json;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser side: the {@code ttq} script (public, cacheable), the beacon it sends to (public,
 * CORS, pixel code validated against known web pixels), and the snippet for a pixel (admin).
 */
final class PixelRoutes {
  static final String BEACON_PATH = "/api/v2/pixel";
  private static final Pattern TEST_CODE = Pattern.compile("TEST\\d{5}");
  private static final String FORWARDED_FOR = "X-Forwarded-For";

  private final Catalog catalog;
  private final Config config;
  private final PixelScript script;
  private final IngestHandler beacon;

  PixelRoutes(Catalog catalog, Config config, Ingest ingest, Metrics metrics, PixelScript script) {
    this.catalog = catalog;
    this.config = config;
    this.script = script;
    this.beacon = new IngestHandler(ingest, metrics, Format.BEACON, Channel.BROWSER, config.maxDecompressedBytes(), this::client);
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", "/static/pixel/events.js", Access.PUBLIC, ex -> script(ex, false)).onIoThread());
    routes.add(new Route("GET", "/static/pixel/{version}/events.js", Access.PUBLIC, ex -> script(ex, true)).onIoThread());
    routes.add(new Route("GET", "/t.js", Access.PUBLIC, ex -> script(ex, false)).onIoThread());
    Handler.SizeAware withCors = new Handler.SizeAware() {
      @Override
      public void handle(Exchange ex) {
        cors(ex);
        beacon.handle(ex);
      }

      @Override
      public void tooLarge(Exchange ex, String detail) {
        cors(ex);
        beacon.tooLarge(ex, detail);
      }
    };
    for (String path : List.of(BEACON_PATH, BEACON_PATH + "/")) {
      routes.add(new Route("POST", path, Access.PUBLIC, withCors).onIoThread());
      routes.add(new Route("OPTIONS", path, Access.PUBLIC, PixelRoutes::preflight).onIoThread());
    }
    routes.add(new Route("GET", "/api/v1/sources/{id}/snippet", Access.ADMIN, new AdminHandler(this::snippet)));
    return routes;
  }

  private void script(Exchange ex, boolean versioned) {
    String code = ex.paramOrEmpty("sdkid");
    String testCode = ex.paramOrEmpty("test_event_code");
    Optional<EventSource> source = catalog.source(code).filter(s -> s.kind() == SourceKind.WEB);
    Optional<Advertiser> advertiser = source.flatMap(s -> catalog.advertiser(s.advertiserId()));
    PixelScript.Body body = script.render(code, source, advertiser, TEST_CODE.matcher(testCode).matches() ? testCode : "");
    ex.responseHeader(HttpHeaderNames.VARY, "Accept-Encoding")
        .responseHeader("X-Content-Type-Options", "nosniff")
        .responseHeader("Cross-Origin-Resource-Policy", "cross-origin")
        .responseHeader(HttpHeaderNames.ETAG, body.etag());
    boolean current = versioned && script.version().equals(ex.paramOrEmpty("version"));
    ex.responseHeader(HttpHeaderNames.CACHE_CONTROL, source.isEmpty() ? "no-cache" : current ? "public, max-age=31536000, immutable" : "public, max-age=300");
    if (body.etag().equals(ex.header(HttpHeaderNames.IF_NONE_MATCH))) {
      ex.end(304);
      return;
    }
    String accepted = ex.header(HttpHeaderNames.ACCEPT_ENCODING);
    boolean gzip = accepted != null && accepted.contains("gzip");
    if (gzip) {
      ex.responseHeader(HttpHeaderNames.CONTENT_ENCODING, "gzip");
    }
    ex.send(200, "application/javascript; charset=utf-8", gzip ? body.gzip() : body.plain());
  }

  private com.fasterxml.jackson.databind.JsonNode snippet(JsonRequest r) {
    String id = r.path("id");
    EventSource source = catalog.source(id).filter(s -> s.kind() == SourceKind.WEB)
        .orElseThrow(() -> io.truecount.server.admin.AdminException.notFound("web pixel", id));
    String base = r.param("base_url").orElseGet(() -> config.publicUrl().isEmpty() ? requestBase(r.exchange()) : config.publicUrl());
    return Json.MAPPER.valueToTree(Views.setup(Snippet.setup(base, source.id(), script.version())));
  }

  private static String requestBase(Exchange ex) {
    return ex.scheme() + "://" + ex.hostAndPort();
  }

  private Ingest.Client client(Exchange ex) {
    String ip = ex.remote() == null ? "" : ex.remote().getAddress().getHostAddress();
    String forwarded = ex.header(FORWARDED_FOR);
    if (config.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
      ip = forwarded.split(",")[0].trim();
    }
    String agent = ex.header(HttpHeaderNames.USER_AGENT);
    agent = agent == null ? "" : agent.length() > 1024 ? agent.substring(0, 1024) : agent;
    return new Ingest.Client(ip.length() > 64 ? "" : ip, agent);
  }

  private static void cors(Exchange ex) {
    String origin = ex.header(HttpHeaderNames.ORIGIN);
    if (origin != null) {
      ex.responseHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin).responseHeader(HttpHeaderNames.VARY, "Origin");
    }
  }

  private static void preflight(Exchange ex) {
    cors(ex);
    ex.responseHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS")
        .responseHeader(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
        .responseHeader(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "86400")
        .end(204);
  }
}
