package io.truecount.core.pipeline;

import io.truecount.core.Channel;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.Event;

/**
 * The match keys and channel of a source's most recent first copies, so that a browser/server
 * copy merged into one can upgrade its key coverage and connection method. Bounded: merges come
 * within 5 minutes, and the last {@link #DEFAULT_LIMIT} first copies cover that at any rate a
 * source sends.
 *
 * <p>A ring of primitive arrays in log order, found by binary search: a {@code LinkedHashMap} of
 * boxed positions cost three objects a first copy, each living for the next 100,000 events (so
 * copied by young collections and promoted), and a map probe plus an eviction per event.
 * Positions arrive in increasing order (the pipeline reads the log in order); one that does not
 * (a log read again from an earlier position) starts the ring over.
 */
final class FirstCopies {
  private static final int DEFAULT_LIMIT = 100_000;
  private static final int BROWSER_FLAG = 1 << 16;
  /** A first copy already merged: a later copy of it changes nothing more. */
  private static final int MERGED = -1;
  private static final int INITIAL_CAPACITY = 64;

  private final int limit;
  private long[] seqs = new long[INITIAL_CAPACITY];
  private int[] flags = new int[INITIAL_CAPACITY];
  /** The slot of the oldest remembered first copy, and how many there are. */
  private int oldest;
  private int size;

  FirstCopies() {
    this(DEFAULT_LIMIT);
  }

  FirstCopies(int limit) {
    this.limit = limit;
  }

  void remember(long seq, int keyMask, Channel channel) {
    if (size > 0 && seq <= seqs[slot(size - 1)]) {
      oldest = 0;
      size = 0;
    }
    if (size == seqs.length && size < limit) {
      grow();
    }
    int at = slot(size);
    if (size == limit) {
      oldest = slot(1); // the oldest is forgotten
    } else {
      size++;
    }
    seqs[at] = seq;
    flags[at] = keyMask | (channel == Channel.BROWSER ? BROWSER_FLAG : 0);
  }

  void merge(long firstSeq, Event later, SourceHealth.NameStats stats) {
    int at = find(firstSeq);
    if (at < 0 || flags[at] == MERGED) {
      return;
    }
    int first = flags[at];
    int added = later.user().presentMask() & ~(first & 0xFFFF);
    stats.addKeys(added);
    ConnectionMethod before = method((first & BROWSER_FLAG) != 0 ? Channel.BROWSER : Channel.SERVER);
    stats.methods.merge(before, -1L, Long::sum);
    stats.methods.merge(ConnectionMethod.SERVER_AND_BROWSER, 1L, Long::sum);
    flags[at] = MERGED;
  }

  static ConnectionMethod method(Channel channel) {
    return channel == Channel.BROWSER ? ConnectionMethod.BROWSER_ONLY : ConnectionMethod.SERVER_ONLY;
  }

  /** The slot holding {@code seq}, or -1 when it is not among those remembered. */
  private int find(long seq) {
    int low = 0;
    int high = size - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long at = seqs[slot(mid)];
      if (at < seq) {
        low = mid + 1;
      } else if (at > seq) {
        high = mid - 1;
      } else {
        return slot(mid);
      }
    }
    return -1;
  }

  /** The slot of the {@code i}-th oldest first copy. */
  private int slot(int i) {
    int at = oldest + i;
    return at < seqs.length ? at : at - seqs.length;
  }

  /** Doubles the arrays (up to the limit), the oldest first copy moved to slot 0. */
  private void grow() {
    int capacity = Math.min(limit, seqs.length * 2);
    long[] newSeqs = new long[capacity];
    int[] newFlags = new int[capacity];
    for (int i = 0; i < size; i++) {
      newSeqs[i] = seqs[slot(i)];
      newFlags[i] = flags[slot(i)];
    }
    seqs = newSeqs;
    flags = newFlags;
    oldest = 0;
  }
}
