package io.truecount.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Sequence numbers of a partitioned log name partition, record and place, keep their order, and stay positive. */
class SeqsProperties {
  @Property
  void a_number_names_its_partition_record_and_place(@ForAll @IntRange(max = Seqs.MAX_PARTITIONS - 1) int partition,
      @ForAll @LongRange(max = (1L << 41) - 1) long offset, @ForAll @IntRange(max = Seqs.MAX_ITEMS_PER_RECORD - 1) int item) {
    long seq = Seqs.ofRecord(partition, offset) + item;
    assertThat(seq).isPositive();
    assertThat(Seqs.partition(seq)).isEqualTo(partition);
    assertThat(Seqs.offset(seq)).isEqualTo(offset);
    assertThat(Seqs.item(seq)).isEqualTo(item);
  }

  @Property
  void within_a_partition_numbers_follow_record_then_place(@ForAll @IntRange(max = Seqs.MAX_PARTITIONS - 1) int partition,
      @ForAll @LongRange(max = (1L << 40)) long offset, @ForAll @IntRange(max = Seqs.MAX_ITEMS_PER_RECORD - 1) int item,
      @ForAll @IntRange(max = Seqs.MAX_ITEMS_PER_RECORD - 1) int nextItem) {
    assertThat(Seqs.ofRecord(partition, offset) + item).isLessThan(Seqs.ofRecord(partition, offset + 1) + nextItem);
  }

  @Property
  void dense_numbers_of_a_one_partition_log_are_partition_zero(@ForAll @LongRange(min = 1, max = (1L << 56) - 1) long seq) {
    assertThat(Seqs.partition(seq)).isZero();
  }

  @Property
  void every_advertiser_has_a_partition_in_range(@ForAll String advertiserId, @ForAll @IntRange(min = 1, max = Seqs.MAX_PARTITIONS) int partitions) {
    assertThat(new Partitioning(partitions).of(advertiserId)).isBetween(0, partitions - 1);
  }

  /** The mapping must never change between versions: nodes of different versions (a rolling upgrade) must agree, and a log's advertisers must stay put. */
  @Test
  void the_mapping_is_pinned() {
    Partitioning twelve = new Partitioning(12);
    assertThat(twelve.of("7000000000000001")).isEqualTo(PINNED_1);
    assertThat(twelve.of("7000000000000002")).isEqualTo(PINNED_2);
    assertThat(twelve.of("7200000000000001")).isEqualTo(PINNED_3);
    assertThat(Partitioning.SINGLE.of("anything")).isZero();
  }

  @Test
  void sequential_advertiser_ids_spread_over_the_partitions() {
    Partitioning twelve = new Partitioning(12);
    int[] counts = new int[12];
    for (int i = 0; i < 12_000; i++) {
      counts[twelve.of(Long.toString(7_000_000_000_000_000L + i))]++;
    }
    for (int n : counts) {
      assertThat(n).isBetween(800, 1_200);
    }
  }

  private static final int PINNED_1 = 1;
  private static final int PINNED_2 = 5;
  private static final int PINNED_3 = 11;
}
