package io.truecount.bench;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import io.truecount.core.pipeline.Dedup;
import java.time.Instant;
import java.util.Map;

/** Bytes per live dedup key at several table sizes: java -cp ... io.truecount.bench.DedupMemory */
public final class DedupMemory {
  private DedupMemory() {}

  public static void main(String[] args) {
    Instant t = Instant.parse("2026-11-24T12:00:00Z");
    for (int keys : new int[] {100_000, 1_000_000, 5_000_000, 10_000_000}) {
      Dedup dedup = new Dedup(16);
      for (int i = 0; i < keys; i++) {
        Event e = new Event("CBENCH00000000000001", SourceKind.WEB, "Purchase", "order-" + i, t, t.plusMillis(i / 100), Channel.SERVER, "",
            MatchKeys.NONE, "", "", Map.of(), Map.of());
        dedup.decide(i + 1, e);
      }
      System.out.printf("keys=%,d bytes=%,d bytes/key=%.1f%n", keys, dedup.bytesAllocated(), (double) dedup.bytesAllocated() / keys);
    }
  }
}
