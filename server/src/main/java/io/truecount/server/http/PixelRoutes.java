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
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
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
  private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  private static final HttpString FORWARDED_FOR = new HttpString("X-Forwarded-For");
  private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
  private static final HttpString RESOURCE_POLICY = new HttpString("Cross-Origin-Resource-Policy");

  private final Catalog catalog;
  private final Config config;
  private final PixelScript script;
  private final HttpHandler beacon;

  PixelRoutes(Catalog catalog, Config config, Ingest ingest, Metrics metrics, PixelScript script) {
    this.catalog = catalog;
    this.config = config;
    this.script = script;
    this.beacon = new IngestHandler(ingest, metrics, Format.BEACON, Channel.BROWSER, config.maxDecompressedBytes(), this::client);
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", "/static/pixel/events.js", Access.PUBLIC, ex -> script(ex, false)));
    routes.add(new Route("GET", "/static/pixel/{version}/events.js", Access.PUBLIC, ex -> script(ex, true)));
    routes.add(new Route("GET", "/t.js", Access.PUBLIC, ex -> script(ex, false)));
    for (String path : List.of(BEACON_PATH, BEACON_PATH + "/")) {
      routes.add(new Route("POST", path, Access.PUBLIC, ex -> {
        cors(ex);
        beacon.handleRequest(ex);
      }));
      routes.add(new Route("OPTIONS", path, Access.PUBLIC, PixelRoutes::preflight));
    }
    routes.add(new Route("GET", "/api/v1/sources/{id}/snippet", Access.ADMIN, new AdminHandler(this::snippet)));
    return routes;
  }

  private void script(HttpServerExchange ex, boolean versioned) {
    String code = param(ex, "sdkid");
    String testCode = param(ex, "test_event_code");
    Optional<EventSource> source = catalog.source(code).filter(s -> s.kind() == SourceKind.WEB);
    Optional<Advertiser> advertiser = source.flatMap(s -> catalog.advertiser(s.advertiserId()));
    PixelScript.Body body = script.render(code, source, advertiser, TEST_CODE.matcher(testCode).matches() ? testCode : "");
    var headers = ex.getResponseHeaders();
    headers.put(Headers.CONTENT_TYPE, "application/javascript; charset=utf-8");
    headers.put(Headers.VARY, "Accept-Encoding");
    headers.put(NOSNIFF, "nosniff");
    headers.put(RESOURCE_POLICY, "cross-origin");
    headers.put(Headers.ETAG, body.etag());
    boolean current = versioned && script.version().equals(param(ex, "version"));
    headers.put(Headers.CACHE_CONTROL, source.isEmpty() ? "no-cache" : current ? "public, max-age=31536000, immutable" : "public, max-age=300");
    if (body.etag().equals(ex.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
      ex.setStatusCode(304);
      ex.endExchange();
      return;
    }
    String accepted = ex.getRequestHeaders().getFirst(Headers.ACCEPT_ENCODING);
    boolean gzip = accepted != null && accepted.contains("gzip");
    if (gzip) {
      headers.put(Headers.CONTENT_ENCODING, "gzip");
    }
    ex.getResponseSender().send(ByteBuffer.wrap(gzip ? body.gzip() : body.plain()));
  }

  private com.fasterxml.jackson.databind.JsonNode snippet(JsonRequest r) {
    String id = r.path("id");
    EventSource source = catalog.source(id).filter(s -> s.kind() == SourceKind.WEB)
        .orElseThrow(() -> io.truecount.server.admin.AdminException.notFound("web pixel", id));
    String base = r.param("base_url").orElseGet(() -> config.publicUrl().isEmpty() ? requestBase(r.exchange()) : config.publicUrl());
    return Json.MAPPER.valueToTree(Views.setup(Snippet.setup(base, source.id(), script.version())));
  }

  private static String requestBase(HttpServerExchange ex) {
    return ex.getRequestScheme() + "://" + ex.getHostAndPort();
  }

  private Ingest.Client client(HttpServerExchange ex) {
    String ip = ex.getSourceAddress() == null ? "" : ex.getSourceAddress().getAddress().getHostAddress();
    String forwarded = ex.getRequestHeaders().getFirst(FORWARDED_FOR);
    if (config.trustForwardedFor() && forwarded != null && !forwarded.isBlank()) {
      ip = forwarded.split(",")[0].trim();
    }
    String agent = ex.getRequestHeaders().getFirst(Headers.USER_AGENT);
    agent = agent == null ? "" : agent.length() > 1024 ? agent.substring(0, 1024) : agent;
    return new Ingest.Client(ip.length() > 64 ? "" : ip, agent);
  }

  private static void cors(HttpServerExchange ex) {
    String origin = ex.getRequestHeaders().getFirst(Headers.ORIGIN);
    if (origin != null) {
      ex.getResponseHeaders().put(ALLOW_ORIGIN, origin);
      ex.getResponseHeaders().put(Headers.VARY, "Origin");
    }
  }

  private static void preflight(HttpServerExchange ex) {
    cors(ex);
    ex.getResponseHeaders().put(ALLOW_METHODS, "POST, OPTIONS");
    ex.getResponseHeaders().put(ALLOW_HEADERS, "Content-Type");
    ex.getResponseHeaders().put(MAX_AGE, "86400");
    ex.setStatusCode(204);
    ex.endExchange();
  }

  private static String param(HttpServerExchange ex, String name) {
    var values = ex.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }
}
