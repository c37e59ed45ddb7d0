package io.truecount.core.attribution;

import java.util.Arrays;

/**
 * The ledger state of every conversion, one slot each, as columns of primitive arrays (log
 * position, address of the packed record, credit, flags): no object per conversion for young
 * collections to copy. Slots are numbered in the order first stored, which is log order in the
 * pipeline, so a position's slot is found by binary search, with no map from position to slot (a
 * map cost ~24 bytes and a cache miss per conversion stored, and most lookups are of the
 * conversion just stored). A store out of log order (not the pipeline's) is sorted in before the
 * next lookup or scan. Not thread-safe (attribution's lock guards it).
 */
final class ConversionSlots {
  private static final byte COUNTED = 1;
  private static final byte ATTRIBUTED = 2;

  private long[] seqs = new long[64];
  private long[] addresses = new long[64];
  private Credit[] credits = new Credit[64];
  private byte[] flags = new byte[64];
  private int size;
  /** Whether slot order is ascending position. */
  private boolean ordered = true;

  /** The slot of the conversion at {@code seq}, or -1; may renumber slots (see {@link #inLogOrder()}). */
  int slotOf(long seq) {
    if (size == 0) {
      return -1;
    }
    if (seqs[size - 1] == seq) {
      return size - 1; // the conversion just stored: attribution asks for it next
    }
    if (ordered && seq > seqs[size - 1]) {
      return -1; // past the last position stored: a new conversion
    }
    inLogOrder(); // before reading seqs: sorting replaces the array
    int at = Arrays.binarySearch(seqs, 0, size, seq);
    return at < 0 ? -1 : at;
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
    addresses[size++] = address;
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
    for (int old = 0; old < size; old++) {
      int slot = Arrays.binarySearch(ascending, seqs[old]); // positions are unique
      newAddresses[slot] = addresses[old];
      newCredits[slot] = credits[old];
      newFlags[slot] = flags[old];
    }
    seqs = Arrays.copyOf(ascending, seqs.length);
    addresses = newAddresses;
    credits = newCredits;
    flags = newFlags;
    ordered = true;
    return this;
  }
}
