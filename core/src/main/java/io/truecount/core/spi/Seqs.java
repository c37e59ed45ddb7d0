package io.truecount.core.spi;

/**
 * How a sequence number names a place in a partitioned log. The top byte (7 bits) is the
 * partition; logs with one partition (SQLite, PostgreSQL) number densely from 1, all in partition
 * 0. A log that numbers by record ({@code Kafka}) uses {@link #ofRecord}: the record's offset and
 * the item's place in it, so a sender's acknowledgement carries its number without reading the
 * partition first.
 */
public final class Seqs {
  /** Most partitions a log may have. */
  public static final int MAX_PARTITIONS = 128;
  /** Most items one record may hold (its place takes 15 bits, counted from 1). */
  public static final int MAX_ITEMS_PER_RECORD = (1 << 15) - 1;
  private static final int PARTITION_SHIFT = 56;
  private static final int OFFSET_SHIFT = 15;
  private static final long OFFSET_MASK = (1L << (PARTITION_SHIFT - OFFSET_SHIFT)) - 1;

  private Seqs() {}

  /** The partition a sequence number belongs to. */
  public static int partition(long seq) {
    return (int) (seq >>> PARTITION_SHIFT);
  }

  /** The number of the first item of the record at {@code offset}; item i of it is this plus i. */
  public static long ofRecord(int partition, long offset) {
    if (partition < 0 || partition >= MAX_PARTITIONS || offset < 0 || offset > OFFSET_MASK) {
      throw new IllegalArgumentException("no sequence number for partition " + partition + ", offset " + offset);
    }
    return ((long) partition << PARTITION_SHIFT) | (offset << OFFSET_SHIFT) | 1;
  }

  /** The record offset of a number made by {@link #ofRecord}. */
  public static long offset(long seq) {
    return (seq >>> OFFSET_SHIFT) & OFFSET_MASK;
  }

  /** The place in its record (0 for the first item) of a number made by {@link #ofRecord}. */
  public static int item(long seq) {
    return (int) (seq & MAX_ITEMS_PER_RECORD) - 1;
  }
}
