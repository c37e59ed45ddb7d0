package io.truecount.server.http;

import io.netty.handler.codec.DateFormatter;
import java.time.Clock;
import java.util.Date;

/** The {@code Date} header every answer carries (RFC 9110 §6.6.1, IMF-fixdate), formatted once a second. */
final class HttpDate {
  private record Cached(long second, String text) {}

  private final Clock clock;
  private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

  HttpDate(Clock clock) {
    this.clock = clock;
  }

  String now() {
    long millis = clock.millis();
    long second = Math.floorDiv(millis, 1000);
    Cached c = cached;
    if (c.second() != second) {
      c = new Cached(second, DateFormatter.format(new Date(second * 1000)));
      cached = c;
    }
    return c.text();
  }
}
