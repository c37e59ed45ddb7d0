package io.truecount.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.util.Map;

/**
 * Renders precompiled jte templates (HTML-escaped by default) with the security headers every page
 * carries: a Content-Security-Policy that allows only our own scripts and styles, no framing, no
 * sniffing, no referrer leaks, no caching of pages that show account data.
 */
final class Pages {
  private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
  static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

  private Pages() {}

  static void render(HttpServerExchange ex, int status, String template, Map<String, Object> model) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, model, out);
    ex.setStatusCode(status);
    headers(ex);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=utf-8");
    ex.getResponseSender().send(out.toString());
  }

  static void render(HttpServerExchange ex, String template, Map<String, Object> model) {
    render(ex, 200, template, model);
  }

  static void error(HttpServerExchange ex, int status, String title, String detail) {
    render(ex, status, "error.jte", Map.of("title", title, "detail", detail));
  }

  static void redirect(HttpServerExchange ex, String location) {
    headers(ex);
    ex.setStatusCode(303);
    ex.getResponseHeaders().put(Headers.LOCATION, location);
    ex.endExchange();
  }

  static void headers(HttpServerExchange ex) {
    var h = ex.getResponseHeaders();
    h.put(new HttpString("Content-Security-Policy"), CSP);
    h.put(new HttpString("X-Content-Type-Options"), "nosniff");
    h.put(new HttpString("X-Frame-Options"), "DENY");
    h.put(new HttpString("Referrer-Policy"), "same-origin");
    h.put(Headers.CACHE_CONTROL, "no-store");
  }
}
