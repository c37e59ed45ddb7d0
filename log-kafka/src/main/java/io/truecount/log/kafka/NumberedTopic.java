package io.truecount.log.kafka;

import io.truecount.store.jdbc.Watermark;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * A Kafka topic with one partition used as a densely numbered log: each record holds a batch of
 * items (its item count in a header) and is produced with {@code acks=all} and idempotence.
 * Every node tails the whole partition and numbers items in partition order, so all nodes agree
 * on every sequence number; a send completes with its first number once the tail has reached it.
 * The touch log is one of these (the event log numbers by record instead: {@link KafkaEventLog}).
 */
final class NumberedTopic implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(NumberedTopic.class.getName());

  /** Turns one record's payload into items with {@code seq >= fromSeq}, appended to {@code out} until it holds {@code max}. */
  @FunctionalInterface
  interface Unpacker<T> {
    void unpack(long firstSeq, byte[] payload, long fromSeq, int max, List<T> out);
  }

  /** A record of the partition: its offset and the number of items it holds. */
  private record Position(long offset, int count) {}

  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> tail;
  private final KafkaConsumer<byte[], byte[]> reader;
  private final NavigableMap<Long, Position> bySeq = new ConcurrentSkipListMap<>();
  private final Map<Long, Long> seqByOffset = new ConcurrentHashMap<>();
  /** This node's sends on the brokers, waiting for the tail to number them, by offset. */
  private final Map<Long, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
  /** Records readable by {@link #read} (advanced before {@link #seqs}, so a woken reader finds them). */
  private final Watermark tailedOffsets = new Watermark(0);
  /** Records fully numbered (advanced after {@link #seqs}, so whoever waits on it sees their numbers). */
  private final Watermark numberedOffsets = new Watermark(0);
  private final Watermark seqs = new Watermark(1);
  /**
   * Records the reader polled but no read has used up yet: sequential reads (the pipeline, a
   * replay) continue from them instead of seeking and fetching up to 32 MiB again each time.
   */
  private final ArrayDeque<ConsumerRecord<byte[], byte[]>> polled = new ArrayDeque<>();
  private final Thread tailThread;
  private long nextSeq = 1;
  private volatile boolean running = true;

  /** Creates the topic when missing, then reads it to its end before returning. */
  NumberedTopic(KafkaEventLog.Settings settings, String threadName) {
    this.partition = new TopicPartition(settings.topic(), 0);
    KafkaClients.createTopic(settings);
    this.producer = KafkaClients.producer(settings.bootstrapServers());
    this.tail = KafkaClients.consumer(settings.bootstrapServers());
    this.reader = KafkaClients.consumer(settings.bootstrapServers());
    tail.assign(List.of(partition));
    tail.seekToBeginning(List.of(partition));
    reader.assign(List.of(partition));
    long end = tail.endOffsets(List.of(partition)).get(partition);
    this.tailThread = new Thread(this::tailLoop, threadName);
    tailThread.setDaemon(true);
    tailThread.start();
    awaitTailed(end);
  }

  /** Opening knows the log's end: waits until the tail has numbered every record there was. */
  private void awaitTailed(long endOffset) {
    try {
      if (endOffset > 0 && !numberedOffsets.awaitAbove(endOffset - 1, Duration.ofSeconds(120))) {
        throw new IllegalStateException("reading Kafka topic " + partition.topic() + " to its end took over 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Produces one record of {@code count} items; completes with the first item's number once all
   * in-sync replicas have it and the tail has numbered it. Sends keep their order on the partition
   * (the idempotent producer allows up to 5 in flight in order).
   */
  CompletableFuture<Long> send(byte[] payload, int count) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(partition.topic(), 0, null, payload);
    record.headers().add(PartitionedWriter.COUNT, ByteBuffer.allocate(4).putInt(count).array());
    CompletableFuture<Long> numbered = new CompletableFuture<>();
    producer.send(record, (metadata, failure) -> {
      if (failure != null) {
        numbered.completeExceptionally(failure);
      } else {
        awaitNumbered(metadata.offset(), numbered);
        numbered.whenComplete((seq, late) -> waiting.remove(metadata.offset(), numbered));
      }
    });
    return numbered.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS);
  }

  /** Completes {@code numbered} with the record's first sequence number once the tail has numbered it. */
  private void awaitNumbered(long offset, CompletableFuture<Long> numbered) {
    waiting.put(offset, numbered);
    Long first = seqByOffset.get(offset);
    if (first != null && waiting.remove(offset, numbered)) { // the tail was first
      seqByOffset.remove(offset);
      numbered.complete(first);
    }
  }

  private void tailLoop() {
    while (running) {
      try {
        for (ConsumerRecord<byte[], byte[]> r : tail.poll(Duration.ofMillis(200))) {
          int count = PartitionedWriter.count(r);
          long first = nextSeq;
          bySeq.put(first, new Position(r.offset(), count));
          nextSeq += count;
          // Offsets first: a reader woken by the sequence number must find the record readable.
          tailedOffsets.advanceTo(r.offset() + 1);
          seqs.advanceTo(nextSeq);
          numberedOffsets.advanceTo(r.offset() + 1);
          answerSender(r.offset(), first);
        }
        trimOffsets();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "tailing Kafka topic " + partition.topic() + " failed; retrying", e);
      }
    }
  }

  /** The send waiting for this record, if it is this node's (else its number is kept briefly for a sender not yet registered). */
  private void answerSender(long offset, long first) {
    CompletableFuture<Long> sender = waiting.remove(offset);
    if (sender != null) {
      sender.complete(first);
    } else {
      seqByOffset.put(offset, first);
      CompletableFuture<Long> late = waiting.remove(offset);
      if (late != null) {
        seqByOffset.remove(offset);
        late.complete(first);
      }
    }
  }

  /** Offsets of other nodes' records are only needed by their own senders; keep the map small. */
  private void trimOffsets() {
    long tailed = tailedOffsets.get();
    if (seqByOffset.size() > 100_000) {
      seqByOffset.keySet().removeIf(o -> o < tailed - 50_000);
    }
  }

  /** Up to {@code max} items with {@code seq >= fromSeq}, in order. */
  <T> List<T> read(long fromSeq, int max, Unpacker<T> unpacker) {
    java.util.Map.Entry<Long, Position> start = bySeq.floorEntry(fromSeq);
    List<T> out = new ArrayList<>();
    if (start == null) {
      return out;
    }
    long end = tailedOffsets.get();
    synchronized (reader) {
      long offset = start.getValue().offset();
      if (polled.isEmpty() || polled.peekFirst().offset() != offset) {
        polled.clear();
        reader.seek(partition, offset);
      }
      long seq = start.getKey();
      while (out.size() < max) {
        if (polled.isEmpty()) {
          if (reader.position(partition) >= end) {
            break;
          }
          reader.poll(Duration.ofMillis(500)).forEach(polled::add);
          continue;
        }
        ConsumerRecord<byte[], byte[]> r = polled.peekFirst();
        if (r.offset() >= end) {
          break;
        }
        int before = out.size();
        unpacker.unpack(seq, r.value(), fromSeq, max, out);
        int count = PartitionedWriter.count(r);
        boolean usedUp = seq + count <= fromSeq || out.size() - before == count - Math.max(0, fromSeq - seq);
        seq += count;
        if (usedUp) {
          polled.removeFirst(); // used up; a partly used record stays for the next read, which starts in it
        }
      }
    }
    return out;
  }

  long nextSeq() {
    return seqs.get();
  }

  /** Waits (at most {@code max}) until the tail has numbered every record the partition holds now; false on timeout. */
  boolean awaitEnd(Duration max) throws InterruptedException {
    long end;
    synchronized (reader) {
      end = reader.endOffsets(List.of(partition)).get(partition);
    }
    return end == 0 || numberedOffsets.awaitAbove(end - 1, max);
  }

  void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    seqs.awaitAbove(fromSeq, max);
  }

  @Override
  public void close() {
    running = false;
    tail.wakeup();
    try {
      tailThread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(10));
    tail.close();
    synchronized (reader) {
      reader.close();
    }
  }
}
