package io.truecount.server.ui;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.truecount.server.http.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

  void serve(Exchange ex) {
    Asset asset = assets.get(ex.paramOrEmpty("file"));
    if (asset == null) {
      ex.end(404);
      return;
    }
    ex.responseHeader(HttpHeaderNames.ETAG, asset.etag())
        .responseHeader(HttpHeaderNames.CACHE_CONTROL, "public, max-age=300")
        .responseHeader("X-Content-Type-Options", "nosniff");
    if (asset.etag().equals(ex.header(HttpHeaderNames.IF_NONE_MATCH))) {
      ex.end(304);
      return;
    }
    ex.send(200, asset.type(), asset.bytes());
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
