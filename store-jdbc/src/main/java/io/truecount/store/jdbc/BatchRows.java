package io.truecount.store.jdbc;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.LoggedEvent;
import java.util.List;

/** The log's row format, shared by both stores: one row per group commit, its first sequence number and the encoded events. */
public final class BatchRows {
  private BatchRows() {}

  /** Adds the events of one row with {@code seq >= fromSeq} to {@code out}, until it holds {@code max}. */
  public static void unpack(long firstSeq, byte[] payload, long fromSeq, int max, List<LoggedEvent> out) {
    List<Event> events = EventCodec.decode(payload);
    for (int i = 0; i < events.size() && out.size() < max; i++) {
      if (firstSeq + i >= fromSeq) {
        out.add(new LoggedEvent(firstSeq + i, events.get(i)));
      }
    }
  }
}
