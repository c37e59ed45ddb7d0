package io.truecount.core.attribution;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The log positions of the conversions that share one match key: a sorted {@code long[]}. Most
 * keys (a ttclid, an email) belong to one or a few conversions, and one entry costs 8 bytes here
 * instead of ~100 in a {@code HashSet<Long>} (a boxed Long and a hash node each). Positions mostly
 * arrive in increasing order, so an add is usually an append.
 */
final class SeqSet {
  private long[] seqs = new long[1];
  private int size;

  /** Adds the position; false when it was already there. */
  boolean add(long seq) {
    int at = size > 0 && seqs[size - 1] < seq ? -size - 1 : Arrays.binarySearch(seqs, 0, size, seq);
    if (at >= 0) {
      return false;
    }
    int insertAt = -at - 1;
    if (size == seqs.length) {
      seqs = Arrays.copyOf(seqs, Math.max(2, size + (size >> 1)));
    }
    System.arraycopy(seqs, insertAt, seqs, insertAt + 1, size - insertAt);
    seqs[insertAt] = seq;
    size++;
    return true;
  }

  /** Removes the position; false when it was not there. */
  boolean remove(long seq) {
    int at = Arrays.binarySearch(seqs, 0, size, seq);
    if (at < 0) {
      return false;
    }
    System.arraycopy(seqs, at + 1, seqs, at, size - at - 1);
    size--;
    return true;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Every position, in increasing order. */
  void forEach(LongConsumer action) {
    for (int i = 0; i < size; i++) {
      action.accept(seqs[i]);
    }
  }
}
