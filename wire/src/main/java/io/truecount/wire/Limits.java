package io.truecount.wire;

import java.time.Duration;

/**
 * Our bounds on event times and string sizes (TikTok publishes none we could confirm): an event may
 * be at most {@code maxFuture} ahead of receipt, and at most {@code maxAgeWebApp} (web, app) or
 * {@code maxAgeOfflineCrm} (offline, crm) old.
 */
public record Limits(Duration maxFuture, Duration maxAgeWebApp, Duration maxAgeOfflineCrm) {
  public static final Limits DEFAULT = new Limits(Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofDays(90));
  public static final int MAX_NAME = 100;
  public static final int MAX_ID = 256;
  public static final int MAX_URL = 8192;
  public static final int MAX_TEXT = 4096;
}
