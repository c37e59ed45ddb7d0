package io.truecount.server.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.truecount.server.http.Exchange;
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

  static void render(Exchange ex, int status, String template, Map<String, Object> model) {
    StringOutput out = new StringOutput();
    TEMPLATES.render(template, model, out);
    headers(ex);
    ex.send(status, "text/html; charset=utf-8", out.toString());
  }

  static void render(Exchange ex, String template, Map<String, Object> model) {
    render(ex, 200, template, model);
  }

  static void error(Exchange ex, int status, String title, String detail) {
    render(ex, status, "error.jte", Map.of("title", title, "detail", detail));
  }

  static void redirect(Exchange ex, String location) {
    headers(ex);
    ex.responseHeader(HttpHeaderNames.LOCATION, location).end(303);
  }

  static void headers(Exchange ex) {
    ex.responseHeader(HttpHeaderNames.CONTENT_SECURITY_POLICY, CSP)
        .responseHeader("X-Content-Type-Options", "nosniff")
        .responseHeader(HttpHeaderNames.X_FRAME_OPTIONS, "DENY")
        .responseHeader("Referrer-Policy", "same-origin")
        .responseHeader(HttpHeaderNames.CACHE_CONTROL, "no-store");
  }
}
