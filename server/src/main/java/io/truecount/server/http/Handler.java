package io.truecount.server.http;

/** What a route does with a request read whole: answers it through the {@link Exchange}, now or later. */
@FunctionalInterface
public interface Handler {
  void handle(Exchange exchange) throws Exception;

  /** A handler that answers a body over its route's limit itself, in its own words (and counts it). */
  interface SizeAware extends Handler {
    void tooLarge(Exchange exchange, String detail);
  }
}
