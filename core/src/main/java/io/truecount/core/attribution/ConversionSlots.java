package io.truecount.core.attribution;

import com.carrotsearch.hppc.LongIntHashMap;
import java.util.Arrays;

/**
 * The ledger state of every conversion, one slot each, as columns of primitive arrays (log
 * position, address of the packed record, credit, flags) with a primitive map from position to
 * slot: no object per conversion for young collections to copy. Slots are numbered in the order
 * first stored, which is log order in the pipeline; scans ask for {@link #inLogOrder()} and the
 * rare out-of-order store is sorted once. Not thread-safe (attribution's lock guards it).
 */
final class ConversionSlots {
  private static final byte COUNTED = 1;
  private static final byte ATTRIBUTED = 2;

  private long[] seqs = new long[64];
  private long[] addresses = new long[64];
  private Credit[] credits = new Credit[64];
  private byte[] flags = new byte[64];
  private int size;
  private final LongIntHashMap slotBySeq = new LongIntHashMap();
  /** Whether slot order is ascending position. */
  private boolean ordered = true;

  /** The slot of the conversion at {@code seq}, or -1. */
  int slotOf(long seq) {
    if (ordered && (size == 0 || seq > seqs[size - 1])) {
      return -1; // past the last position stored: a new conversion, no lookup (a cache miss each)
    }
    return slotBySeq.getOrDefault(seq, -1);
  }

  int require(long seq) {
    int slot = slotOf(seq);
    if (slot < 0) {
      throw new IllegalStateException("no conversion at position " + seq);
    }
    return slot;
  }

  /** A new slot for the conversion at {@code seq} (not stored yet), its record at {@code address}. */
  void add(long seq, long address) {
    if (size == seqs.length) {
      int grown = size * 2;
      seqs = Arrays.copyOf(seqs, grown);
      addresses = Arrays.copyOf(addresses, grown);
      credits = Arrays.copyOf(credits, grown);
      flags = Arrays.copyOf(flags, grown);
    }
    ordered &= size == 0 || seqs[size - 1] < seq;
    seqs[size] = seq;
    addresses[size] = address;
    slotBySeq.put(seq, size++);
  }

  int size() {
    return size;
  }

  long seq(int slot) {
    return seqs[slot];
  }

  long address(int slot) {
    return addresses[slot];
  }

  void moveRecord(int slot, long address) {
    addresses[slot] = address;
  }

  boolean attributed(int slot) {
    return (flags[slot] & ATTRIBUTED) != 0;
  }

  Credit credit(int slot) {
    return credits[slot];
  }

  boolean counted(int slot) {
    return (flags[slot] & COUNTED) != 0;
  }

  void attribute(int slot, Credit credit, boolean counted) {
    credits[slot] = credit;
    flags[slot] = (byte) (ATTRIBUTED | (counted ? COUNTED : 0));
  }

  /** Makes slot order ascending position (sorting once if something was stored out of order); returns this. */
  ConversionSlots inLogOrder() {
    if (ordered) {
      return this;
    }
    long[] ascending = Arrays.copyOf(seqs, size);
    Arrays.sort(ascending);
    long[] newAddresses = new long[seqs.length];
    Credit[] newCredits = new Credit[seqs.length];
    byte[] newFlags = new byte[seqs.length];
    for (int slot = 0; slot < size; slot++) {
      int old = slotBySeq.get(ascending[slot]);
      newAddresses[slot] = addresses[old];
      newCredits[slot] = credits[old];
      newFlags[slot] = flags[old];
    }
    for (int slot = 0; slot < size; slot++) {
      slotBySeq.put(ascending[slot], slot);
    }
    seqs = Arrays.copyOf(ascending, seqs.length);
    addresses = newAddresses;
    credits = newCredits;
    flags = newFlags;
    ordered = true;
    return this;
  }
}
