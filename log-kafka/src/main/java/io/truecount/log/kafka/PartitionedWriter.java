package io.truecount.log.kafka;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.LogAppend;
import io.truecount.core.spi.Seqs;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a group commit as one record per partition it touches. An append (one request: one
 * source, so one advertiser) lands whole in one record; its number is the record's first number
 * plus its place there. The header {@value #COUNT} holds the record's event count.
 */
final class PartitionedWriter implements AutoCloseable {
  static final String COUNT = "count";

  /** An append's place in its partition's record. */
  private record Placed(int partition, int index) {}

  /** The appends bound for one partition's record, and how many events they hold. */
  private static final class Batch {
    final List<LogAppend> appends = new ArrayList<>();
    int events;
  }

  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;
  private final ToIntFunction<Event> partitionOf;

  PartitionedWriter(String topic, KafkaProducer<byte[], byte[]> producer, ToIntFunction<Event> partitionOf) {
    this.topic = topic;
    this.producer = producer;
    this.partitionOf = partitionOf;
  }

  List<CompletableFuture<Long>> write(List<LogAppend> appends) {
    Map<Integer, Batch> byPartition = new LinkedHashMap<>();
    List<Placed> placed = new ArrayList<>(appends.size());
    for (LogAppend append : appends) {
      int partition = partitionOf.applyAsInt(append.events().get(0));
      Batch batch = byPartition.computeIfAbsent(partition, p -> new Batch());
      if (batch.events + append.size() > Seqs.MAX_ITEMS_PER_RECORD) { // never with 1,000-event requests and 20,000-event groups
        throw new IllegalStateException("a record of partition " + partition + " would hold over " + Seqs.MAX_ITEMS_PER_RECORD + " events");
      }
      placed.add(new Placed(partition, batch.events));
      batch.appends.add(append);
      batch.events += append.size();
    }
    Map<Integer, CompletableFuture<Long>> firsts = new LinkedHashMap<>();
    byPartition.forEach((partition, batch) -> firsts.put(partition, send(partition, batch)));
    return placed.stream().map(p -> firsts.get(p.partition()).thenApply(first -> first + p.index())).toList();
  }

  /** Completes with the record's first sequence number once all in-sync replicas have it. */
  private CompletableFuture<Long> send(int partition, Batch batch) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, partition, null, EventCodec.encodeGroup(batch.appends));
    record.headers().add(COUNT, ByteBuffer.allocate(4).putInt(batch.events).array());
    CompletableFuture<Long> first = new CompletableFuture<>();
    producer.send(record, (metadata, failure) -> {
      if (failure != null) {
        first.completeExceptionally(failure);
      } else {
        first.complete(Seqs.ofRecord(partition, metadata.offset()));
      }
    });
    return first.orTimeout(30, TimeUnit.SECONDS);
  }

  /** How many events a record holds (its header: the payload need not be decoded to number them). */
  static int count(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
    return ByteBuffer.wrap(record.headers().lastHeader(COUNT).value()).getInt();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
