package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.server.http.Exchange;
import java.util.Optional;

/** A checked UI request: the viewer, path and query parameters, and the parsed form when there is one. */
record UiRequest(Exchange exchange, Viewer viewer) {
  static UiRequest of(Exchange ex) {
    return new UiRequest(ex, ex.attachment(Viewer.class));
  }

  Advertiser advertiser() {
    return viewer.requireAdvertiser();
  }

  String path(String name) {
    return exchange.paramOrEmpty(name);
  }

  Optional<String> param(String name) {
    return exchange.param(name).filter(v -> !v.isBlank());
  }

  Optional<String> form(String name) {
    return Form.of(exchange).field(name).filter(v -> !v.isBlank()).map(String::trim);
  }

  /** The bytes of an uploaded file field, or empty when none was chosen. */
  Optional<byte[]> file(String name, long maxBytes) {
    Optional<byte[]> bytes = Form.of(exchange).file(name);
    if (bytes.isPresent() && bytes.get().length > maxBytes) {
      throw new IllegalArgumentException("the file is over " + (maxBytes >> 20) + " MiB: split it by date range");
    }
    return bytes;
  }
}
