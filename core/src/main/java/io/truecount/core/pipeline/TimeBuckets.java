package io.truecount.core.pipeline;

import java.time.Duration;
import java.time.Instant;

/** Counts in 5-minute buckets over the last 7 days (a ring), for "last hour / 24 h / 7 d". */
final class TimeBuckets {
  private static final int BUCKET_SECONDS = 300;
  private static final int BUCKETS = (int) (Duration.ofDays(7).toSeconds() / BUCKET_SECONDS);

  private final long[] ids = new long[BUCKETS];
  private final int[] counts = new int[BUCKETS];

  void add(Instant at) {
    long id = at.getEpochSecond() / BUCKET_SECONDS;
    int slot = (int) Math.floorMod(id, (long) BUCKETS);
    if (ids[slot] != id) {
      if (ids[slot] > id) {
        return;
      }
      ids[slot] = id;
      counts[slot] = 0;
    }
    counts[slot]++;
  }

  /** Events whose bucket starts within {@code span} before {@code now} (5-minute resolution). */
  long within(Instant now, Duration span) {
    long newest = now.getEpochSecond() / BUCKET_SECONDS;
    long oldest = newest - span.toSeconds() / BUCKET_SECONDS + 1;
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      if (ids[i] >= oldest && ids[i] <= newest) {
        total += counts[i];
      }
    }
    return total;
  }
}
