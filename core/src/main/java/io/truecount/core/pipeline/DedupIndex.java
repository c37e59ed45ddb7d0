package io.truecount.core.pipeline;

import java.util.Arrays;

/**
 * Open-addressing table of live dedup keys: per key a 64-bit digest, the first copy's sequence
 * number, its receive second and the channels seen so far — 21 bytes a slot, kept between 37.5 %
 * and 75 % full, so 28–56 bytes per live key. Expired keys are reused in place when probed and
 * dropped when the table is rebuilt.
 */
final class DedupIndex {
  static final int MISSING = -1;
  private static final long EMPTY = 0L;
  private static final double MAX_LOAD = 0.75;

  private long[] digests;
  private long[] seqs;
  private int[] seconds;
  private byte[] channels;
  private int used;

  DedupIndex(int initialCapacity) {
    allocate(Integer.highestOneBit(Math.max(16, initialCapacity) - 1) << 1);
  }

  /** The slot holding {@code digest} if it is still live at {@code nowSecond}, else MISSING. */
  int find(long digest, int nowSecond, int ttlSeconds) {
    int slot = probe(digest);
    if (digests[slot] == EMPTY || nowSecond - seconds[slot] >= ttlSeconds) {
      return MISSING;
    }
    return slot;
  }

  void put(long digest, long seq, int second, int channelBits, int nowSecond, int ttlSeconds) {
    int slot = probe(digest);
    if (digests[slot] == EMPTY) {
      if (used + 1 > digests.length * MAX_LOAD) {
        rebuild(nowSecond, ttlSeconds);
        slot = probe(digest);
      }
      used++;
    }
    digests[slot] = digest;
    seqs[slot] = seq;
    seconds[slot] = second;
    channels[slot] = (byte) channelBits;
  }

  long seq(int slot) {
    return seqs[slot];
  }

  int second(int slot) {
    return seconds[slot];
  }

  int channelBits(int slot) {
    return channels[slot];
  }

  void addChannel(int slot, int channelBit) {
    channels[slot] |= (byte) channelBit;
  }

  int capacity() {
    return digests.length;
  }

  int used() {
    return used;
  }

  long bytesAllocated() {
    return (long) digests.length * (8 + 8 + 4 + 1);
  }

  private int probe(long digest) {
    int mask = digests.length - 1;
    int slot = (int) (digest ^ (digest >>> 32)) & mask;
    while (digests[slot] != EMPTY && digests[slot] != digest) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void rebuild(int nowSecond, int ttlSeconds) {
    long[] oldDigests = digests;
    long[] oldSeqs = seqs;
    int[] oldSeconds = seconds;
    byte[] oldChannels = channels;
    int live = 0;
    for (int i = 0; i < oldDigests.length; i++) {
      if (oldDigests[i] != EMPTY && nowSecond - oldSeconds[i] < ttlSeconds) {
        live++;
      }
    }
    int capacity = oldDigests.length;
    if (live + 1 > capacity * MAX_LOAD / 2) {
      capacity <<= 1;
    }
    allocate(capacity);
    for (int i = 0; i < oldDigests.length; i++) {
      if (oldDigests[i] != EMPTY && nowSecond - oldSeconds[i] < ttlSeconds) {
        int slot = probe(oldDigests[i]);
        digests[slot] = oldDigests[i];
        seqs[slot] = oldSeqs[i];
        seconds[slot] = oldSeconds[i];
        channels[slot] = oldChannels[i];
        used++;
      }
    }
  }

  private void allocate(int capacity) {
    digests = new long[capacity];
    seqs = new long[capacity];
    seconds = new int[capacity];
    channels = new byte[capacity];
    used = 0;
    Arrays.fill(digests, EMPTY);
  }
}
