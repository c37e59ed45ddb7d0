package io.truecount.server.http;

import static java.util.Objects.requireNonNull;

/**
 * One HTTP route: method, path template ({@code /api/v1/sources/{id}}), access class, handler, where
 * it runs and how large a body it takes.
 *
 * @param ioThread runs on the connection's event loop: only for handlers that never block (the
 *     ingestion routes, the pixel script, assets); every other route runs on the worker pool
 * @param maxBody the largest body accepted, in bytes; 0 for the server's configured limit
 */
public record Route(String method, String template, Access access, Handler handler, boolean ioThread, long maxBody) {
  public Route {
    requireNonNull(method, "method is null");
    requireNonNull(template, "template is null");
    requireNonNull(access, "access is null: every route must declare who may call it");
    requireNonNull(handler, "handler is null");
    if ((access == Access.MEMBER || access == Access.MEMBER_ADMIN) && !template.contains("{adv}")) {
      throw new IllegalArgumentException(method + " " + template + ": a member route must name its advertiser as {adv} in the path");
    }
  }

  /** A route on the worker pool, with the server's body limit. */
  public Route(String method, String template, Access access, Handler handler) {
    this(method, template, access, handler, false, 0);
  }

  /** This route on the connection's event loop (its handler must never block). */
  public Route onIoThread() {
    return new Route(method, template, access, handler, true, maxBody);
  }

  /** This route accepting bodies up to {@code bytes}. */
  public Route maxBody(long bytes) {
    return new Route(method, template, access, handler, ioThread, bytes);
  }

  /** The same route with another handler (an access check or forwarding around it). */
  Route handledBy(Handler other) {
    return new Route(method, template, access, other, ioThread, maxBody);
  }
}
