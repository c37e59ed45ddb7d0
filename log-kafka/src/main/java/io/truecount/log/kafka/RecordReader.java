package io.truecount.log.kafka;

import io.truecount.core.spi.LoggedEvent;
import io.truecount.core.spi.Seqs;
import io.truecount.store.jdbc.BatchRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a partition of the event topic by sequence number, outside the pipeline's consumer group
 * (the event detail of the admin API, the pipeline's "caught up" check, tests): one consumer
 * assigned by hand, used by one caller at a time.
 */
final class RecordReader implements AutoCloseable {
  private final String topic;
  private final KafkaConsumer<byte[], byte[]> consumer;

  RecordReader(KafkaEventLog.Settings settings) {
    this.topic = settings.topic();
    this.consumer = KafkaClients.consumer(settings.bootstrapServers());
  }

  /** Up to {@code max} events of {@code fromSeq}'s partition with {@code seq >= fromSeq}, in order. */
  synchronized List<LoggedEvent> read(long fromSeq, int max) {
    TopicPartition tp = new TopicPartition(topic, Seqs.partition(fromSeq));
    long end = endOffset(tp);
    List<LoggedEvent> out = new ArrayList<>();
    if (Seqs.offset(fromSeq) >= end) {
      return out;
    }
    consumer.assign(List.of(tp));
    consumer.seek(tp, Seqs.offset(fromSeq));
    while (out.size() < max && consumer.position(tp) < end) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.offset() < end && out.size() < max) {
          BatchRows.unpack(Seqs.ofRecord(tp.partition(), r.offset()), r.value(), fromSeq, max, out);
        }
      }
    }
    return out;
  }

  /** The number of the last event of {@code partition}; below its first number when it is empty. */
  synchronized long lastSeq(int partition) {
    TopicPartition tp = new TopicPartition(topic, partition);
    long end = endOffset(tp);
    if (end == 0) {
      return Seqs.ofRecord(partition, 0) - 1;
    }
    consumer.assign(List.of(tp));
    consumer.seek(tp, end - 1);
    for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; ) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        if (r.offset() == end - 1) {
          return Seqs.ofRecord(partition, r.offset()) + PartitionedWriter.count(r) - 1;
        }
      }
    }
    throw new IllegalStateException("reading the last record of " + tp + " took over 30 s");
  }

  /** Waits (at most {@code max}) until the partition of {@code fromSeq} holds its record. */
  void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    TopicPartition tp = new TopicPartition(topic, Seqs.partition(fromSeq));
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (endOffset(tp) > Seqs.offset(fromSeq)) {
          return;
        }
        consumer.assign(List.of(tp));
        consumer.seek(tp, Seqs.offset(fromSeq));
        if (!consumer.poll(Duration.ofMillis(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)))).isEmpty()) {
          return; // the long poll came back with the record
        }
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
    }
  }

  private long endOffset(TopicPartition tp) {
    return consumer.endOffsets(List.of(tp)).get(tp);
  }

  @Override
  public synchronized void close() {
    consumer.close();
  }
}
