package io.truecount.server.http;

import static java.util.Objects.requireNonNull;

import io.undertow.server.HttpHandler;

/** One HTTP route: method, path template ({@code /api/v1/sources/{id}}), access class, handler. */
public record Route(String method, String template, Access access, HttpHandler handler) {
  public Route {
    requireNonNull(method, "method is null");
    requireNonNull(template, "template is null");
    requireNonNull(access, "access is null: every route must declare who may call it");
    requireNonNull(handler, "handler is null");
    if ((access == Access.MEMBER || access == Access.MEMBER_ADMIN) && !template.contains("{adv}")) {
      throw new IllegalArgumentException(method + " " + template + ": a member route must name its advertiser as {adv} in the path");
    }
  }
}
