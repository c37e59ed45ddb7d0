package io.truecount.server.ui;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;

/**
 * The UI's own CSS and JavaScript and the uPlot chart library, served from our jar (never a CDN:
 * Truecount works offline and tells no third party who looks at which report).
 */
final class Assets {
  private record Asset(byte[] bytes, String type, String etag) {}

  private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
  private final Map<String, Asset> assets = Map.of(
      "app.css", load("/io/truecount/server/ui/assets/app.css", "text/css; charset=utf-8"),
      "app.js", load("/io/truecount/server/ui/assets/app.js", "text/javascript; charset=utf-8"),
      "uplot.js", load(UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"),
      "uplot.css", load(UPLOT + "uPlot.min.css", "text/css; charset=utf-8"));

  void serve(HttpServerExchange ex) {
    Asset asset = assets.get(SessionGuard.param(ex, "file"));
    if (asset == null) {
      ex.setStatusCode(404);
      ex.endExchange();
      return;
    }
    ex.getResponseHeaders().put(Headers.ETAG, asset.etag());
    ex.getResponseHeaders().put(Headers.CACHE_CONTROL, "public, max-age=300");
    ex.getResponseHeaders().put(new io.undertow.util.HttpString("X-Content-Type-Options"), "nosniff");
    if (asset.etag().equals(ex.getRequestHeaders().getFirst(Headers.IF_NONE_MATCH))) {
      ex.setStatusCode(304);
      ex.endExchange();
      return;
    }
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, asset.type());
    ex.getResponseSender().send(ByteBuffer.wrap(asset.bytes()));
  }

  private static Asset load(String resource, String type) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("UI asset missing from the jar: " + resource);
      }
      byte[] bytes = in.readAllBytes();
      return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8) + "\"");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
