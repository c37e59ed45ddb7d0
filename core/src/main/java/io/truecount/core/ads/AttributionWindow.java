package io.truecount.core.ads;

import java.time.Duration;

/** An attribution window by TikTok's API names; {@code OFF} credits nothing. */
public enum AttributionWindow {
  OFF(0),
  ONE_DAY(1),
  SEVEN_DAYS(7),
  FOURTEEN_DAYS(14),
  TWENTY_EIGHT_DAYS(28);

  private final int days;

  AttributionWindow(int days) {
    this.days = days;
  }

  /** N × 24 h (not calendar days: a DST change does not stretch or shrink a window). */
  public Duration length() {
    return Duration.ofHours(24L * days);
  }

  /** The length in milliseconds, for hot paths. */
  public long millis() {
    return days * 86_400_000L;
  }

  public int days() {
    return days;
  }
}
