package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** A checked UI request: the viewer, path and query parameters, and the parsed form when there is one. */
record UiRequest(HttpServerExchange exchange, Viewer viewer) {
  static UiRequest of(HttpServerExchange ex) {
    return new UiRequest(ex, ex.getAttachment(SessionGuard.VIEWER));
  }

  Advertiser advertiser() {
    return viewer.requireAdvertiser();
  }

  String path(String name) {
    return SessionGuard.param(exchange, name);
  }

  Optional<String> param(String name) {
    String value = SessionGuard.param(exchange, name);
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  Optional<String> form(String name) {
    FormData form = exchange.getAttachment(FormDataParser.FORM_DATA);
    FormData.FormValue value = form == null ? null : form.getFirst(name);
    return value == null || value.isFileItem() || value.getValue().isBlank() ? Optional.empty() : Optional.of(value.getValue().trim());
  }

  /** The bytes of an uploaded file field, or empty when none was chosen. */
  Optional<byte[]> file(String name, long maxBytes) {
    FormData form = exchange.getAttachment(FormDataParser.FORM_DATA);
    FormData.FormValue value = form == null ? null : form.getFirst(name);
    if (value == null || !value.isFileItem()) {
      return Optional.empty();
    }
    try (InputStream in = value.getFileItem().getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IllegalArgumentException("the file is over " + (maxBytes >> 20) + " MiB: split it by date range");
      }
      return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
