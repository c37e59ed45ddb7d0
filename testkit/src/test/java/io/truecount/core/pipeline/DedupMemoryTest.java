package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DedupMemoryTest {
  @Test
  void a_live_key_costs_at_most_64_bytes_and_expired_keys_are_reclaimed() {
    Dedup dedup = new Dedup(16);
    Instant start = Instant.parse("2026-02-14T12:00:00Z");
    int keys = 200_000;
    for (int i = 0; i < keys; i++) {
      dedup.decide(i + 1, Events.event("Purchase").id("o" + i).at(start.plusMillis(i)).build());
    }
    assertThat((double) dedup.bytesAllocated() / keys).isLessThanOrEqualTo(64.0);
    Instant later = start.plusSeconds(49 * 3600);
    for (int i = 0; i < keys; i++) {
      dedup.decide(keys + i + 1, Events.event("Purchase").id("n" + i).at(later.plusMillis(i)).build());
    }
    assertThat(dedup.keysHeld()).isLessThanOrEqualTo(keys + keys / 2);
    assertThat((double) dedup.bytesAllocated() / keys).isLessThanOrEqualTo(64.0);
  }
}
