package io.truecount.core.pipeline;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.pii.Pii;
import java.time.Duration;
import java.time.Instant;

/**
 * TikTok's dedup rules (spec §5) as a pure function of log order. Key: (source, reported event
 * name, event_id), digested to 64 bits of SHA-256; window 48 h from the first copy's receipt; a
 * browser/server pair within 5 minutes merges, any other later copy is dropped.
 */
public final class Dedup {
  public static final Duration WINDOW = Duration.ofHours(48);
  public static final Duration MERGE_WINDOW = Duration.ofMinutes(5);
  private static final long EPOCH_2020 = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
  private static final int TTL = (int) WINDOW.toSeconds();

  private final DedupIndex index;

  public Dedup(int expectedKeys) {
    this.index = new DedupIndex(expectedKeys * 2);
  }

  public DedupDecision decide(long seq, Event event) {
    if (!event.hasEventId()) {
      return new DedupDecision.NoEventId();
    }
    long digest = digest(event);
    int now = second(event.receivedAt());
    int slot = index.find(digest, now, TTL);
    if (slot == DedupIndex.MISSING) {
      index.put(digest, seq, now, bit(event.channel()), now, TTL);
      return new DedupDecision.First();
    }
    return laterCopy(slot, event.channel(), now);
  }

  /** Bytes held by the index and live keys (upper bound, expired keys not yet dropped). */
  public long bytesAllocated() {
    return index.bytesAllocated();
  }

  public int keysHeld() {
    return index.used();
  }

  private DedupDecision laterCopy(int slot, Channel channel, int now) {
    long firstSeq = index.seq(slot);
    if ((index.channelBits(slot) & bit(channel)) != 0) {
      return new DedupDecision.Dropped(firstSeq, "same channel (" + label(channel) + ") as event #" + firstSeq);
    }
    long apart = Math.max(0, now - index.second(slot));
    if (apart > MERGE_WINDOW.toSeconds()) {
      return new DedupDecision.Dropped(
          firstSeq, "other channel " + apart + " s after event #" + firstSeq + " (merge window 300 s)");
    }
    index.addChannel(slot, bit(channel));
    return new DedupDecision.Merged(firstSeq);
  }

  static long digest(Event event) {
    long digest = Pii.sha256Prefix64(event.sourceId() + '\u0000' + event.reportedName() + '\u0000' + event.eventId());
    return digest == 0 ? 1 : digest;
  }

  private static int second(Instant instant) {
    return (int) (instant.getEpochSecond() - EPOCH_2020);
  }

  private static int bit(Channel channel) {
    return 1 << channel.ordinal();
  }

  private static String label(Channel channel) {
    return channel == Channel.BROWSER ? "browser" : "server";
  }
}
