package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongHashSet;
import com.carrotsearch.hppc.cursors.LongCursor;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The log positions (≥ 1) of the conversions that share one match key. Positions arrive in
 * increasing order (a key's conversions all belong to one advertiser, so to one log partition),
 * so they are kept as a sorted array that grows at its end: adding the next conversion writes
 * the next slot, whatever the size. A hot key (an office's ip + user agent, shared by thousands)
 * no longer costs a cache miss per conversion, as a hash set did (a quarter of the pipeline's CPU
 * when one key held millions of positions).
 *
 * <p>The rare exceptions: a position added below the last one (a browser/server merge gives an
 * older conversion a new key) goes to a small hash set; a removed position stays in the array as
 * its negative (a tombstone, so the array stays sorted by absolute value and a re-add revives
 * it). When those exceptions outnumber half the live positions, the array is rebuilt with them
 * merged in. About 8–16 bytes a position.
 */
final class SeqSet {
  private long[] sorted = new long[2];
  private int length;
  private int tombstones;
  /** Positions added below the last one of {@link #sorted}; null while there are none. */
  private LongHashSet late;

  /** Adds the position; false when it was already there. */
  boolean add(long seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("log positions start at 1: " + seq);
    }
    if (length == 0 || seq > Math.abs(sorted[length - 1])) {
      append(seq);
      return true;
    }
    int at = find(seq);
    if (at >= 0) {
      if (sorted[at] > 0) {
        return false;
      }
      sorted[at] = seq;
      tombstones--;
      return true;
    }
    if (late == null) {
      late = new LongHashSet(4);
    }
    boolean added = late.add(seq);
    compactWhenSparse();
    return added;
  }

  /** Removes the position; false when it was not there. */
  boolean remove(long seq) {
    int at = find(seq);
    if (at >= 0) {
      if (sorted[at] < 0) {
        return false;
      }
      sorted[at] = -seq;
      tombstones++;
      compactWhenSparse();
      return true;
    }
    return late != null && late.remove(seq);
  }

  boolean isEmpty() {
    return length == tombstones && (late == null || late.isEmpty());
  }

  /** Every position, in no particular order. */
  void forEach(LongConsumer action) {
    for (int i = 0; i < length; i++) {
      if (sorted[i] > 0) {
        action.accept(sorted[i]);
      }
    }
    if (late != null) {
      for (LongCursor c : late) {
        action.accept(c.value);
      }
    }
  }

  private void append(long seq) {
    if (length == sorted.length) {
      sorted = Arrays.copyOf(sorted, length * 2);
    }
    sorted[length++] = seq;
  }

  /** The index of {@code seq} or of its tombstone, else a negative number. */
  private int find(long seq) {
    int low = 0;
    int high = length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long at = Math.abs(sorted[mid]);
      if (at < seq) {
        low = mid + 1;
      } else if (at > seq) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  private void compactWhenSparse() {
    int exceptions = tombstones + (late == null ? 0 : late.size());
    if (exceptions > 8 && exceptions * 2 > length - tombstones) {
      compact();
    }
  }

  private void compact() {
    long[] live = new long[length - tombstones + (late == null ? 0 : late.size())];
    int n = 0;
    for (int i = 0; i < length; i++) {
      if (sorted[i] > 0) {
        live[n++] = sorted[i];
      }
    }
    if (late != null) {
      for (LongCursor c : late) {
        live[n++] = c.value;
      }
      Arrays.sort(live);
    }
    sorted = live.length < 2 ? Arrays.copyOf(live, 2) : live;
    length = live.length;
    tombstones = 0;
    late = null;
  }
}
