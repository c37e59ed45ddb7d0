package io.truecount.core.spi;

/**
 * Which log partition holds an advertiser's events. Every event of one advertiser lands in one
 * partition (attribution, dedup and the reports need all of an advertiser's sources together), so
 * the partition's owner holds the advertiser's whole state. The hash is fixed and specified, so
 * every node agrees on it.
 */
public record Partitioning(int partitions) {
  public static final Partitioning SINGLE = new Partitioning(1);

  public Partitioning {
    if (partitions < 1 || partitions > Seqs.MAX_PARTITIONS) {
      throw new IllegalArgumentException("partitions must be 1.." + Seqs.MAX_PARTITIONS + ", was " + partitions);
    }
  }

  public int of(String advertiserId) {
    int h = advertiserId.hashCode() * 0x9E3779B1; // String.hashCode is specified; the multiply spreads sequential ids
    return Math.floorMod(h ^ (h >>> 16), partitions);
  }
}
