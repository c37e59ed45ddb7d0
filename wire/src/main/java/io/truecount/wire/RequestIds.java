package io.truecount.wire;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** TikTok-style request ids: {@code yyyyMMddHHmmss} (UTC) + 20 upper-case hex characters. */
public final class RequestIds {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private final Clock clock;

  public RequestIds(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return STAMP.format(clock.instant())
        + String.format("%04X%016X", random.nextInt(1 << 16), random.nextLong());
  }
}
