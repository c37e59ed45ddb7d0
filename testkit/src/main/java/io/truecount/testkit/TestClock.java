package io.truecount.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A settable clock for tests: time moves only when told. */
public final class TestClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  public TestClock(Instant start) {
    this(start, ZoneId.of("UTC"));
  }

  private TestClock(Instant start, ZoneId zone) {
    this.now = start;
    this.zone = zone;
  }

  public TestClock advance(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  public TestClock set(Instant instant) {
    now = instant;
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new TestClock(now, newZone);
  }
}
