package io.truecount.core.attribution;

import java.util.function.LongConsumer;

/**
 * The log positions (≥ 1) of the conversions that share one match key: an open-addressing hash
 * set of primitive longs (linear probing, at most three quarters full, 0 marks a free slot). About
 * 11–21 bytes a position instead of ~100 in a {@code HashSet<Long>} (a boxed Long and a hash node
 * each; three quarters, not a half: most keys hold two or three positions, which then fit in four
 * slots instead of eight), and
 * O(1) whatever the size: most keys (a ttclid, an email) have a few positions, a hot one (an
 * office's ip + user agent) thousands, and a merge re-adds an old position to all of them.
 */
final class SeqSet {
  private long[] slots = new long[2];
  private int shift = 63; // 64 - log2(slots.length)
  private int size;

  /** Adds the position; false when it was already there. */
  boolean add(long seq) {
    if (seq <= 0) {
      throw new IllegalArgumentException("log positions start at 1: " + seq);
    }
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
    }
    int mask = slots.length - 1;
    for (int i = home(seq); ; i = (i + 1) & mask) {
      if (slots[i] == seq) {
        return false;
      }
      if (slots[i] == 0) {
        slots[i] = seq;
        size++;
        return true;
      }
    }
  }

  /** Removes the position; false when it was not there. */
  boolean remove(long seq) {
    int mask = slots.length - 1;
    int hole = home(seq);
    while (slots[hole] != seq) {
      if (slots[hole] == 0) {
        return false;
      }
      hole = (hole + 1) & mask;
    }
    // backward-shift deletion: move later entries of the probe run into the hole when their home
    // slot does not lie cyclically between the hole and where they are
    for (int next = (hole + 1) & mask; slots[next] != 0; next = (next + 1) & mask) {
      int home = home(slots[next]);
      boolean homeAfterHole = hole <= next ? home > hole && home <= next : home > hole || home <= next;
      if (!homeAfterHole) {
        slots[hole] = slots[next];
        hole = next;
      }
    }
    slots[hole] = 0;
    size--;
    return true;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Every position, in no particular order. */
  void forEach(LongConsumer action) {
    for (long seq : slots) {
      if (seq != 0) {
        action.accept(seq);
      }
    }
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    shift--;
    size = 0;
    for (long seq : old) {
      if (seq != 0) {
        add(seq);
      }
    }
  }

  /**
   * Fibonacci hashing: the top bits of the product. Its middle bits (as used before) put dense
   * positions 3.8 probes from home and positions 8 apart 24 probes; the top bits 1.1 and 1.8
   * (3 M positions each; Kafka's numbering 1.4).
   */
  private int home(long seq) {
    return (int) ((seq * 0x9E3779B97F4A7C15L) >>> shift);
  }
}
