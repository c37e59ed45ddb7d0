package io.truecount.log.kafka;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.store.jdbc.BatchRows;
import io.truecount.store.jdbc.GroupCommit;
import io.truecount.store.jdbc.Watermark;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The event log on a Kafka topic with one partition (the pipeline needs one total order). A group
 * commit is one record (the compact batch format of the other logs, its event count in a header),
 * produced with {@code acks=all} and idempotence: acknowledged means on the in-sync replicas.
 * Every node tails the whole partition and numbers events densely in partition order, so all
 * nodes agree on every sequence number; an append answers once its own record has been tailed.
 */
public final class KafkaEventLog implements EventLog {
  private static final String COUNT = "count";
  /** Group commits on their way to the brokers at once (the idempotent producer allows up to 5 in order). */
  private static final int COMMITS_IN_FLIGHT = 4;
  private static final System.Logger LOG = System.getLogger(KafkaEventLog.class.getName());

  /** Where the brokers are and the topic to use (created when missing). */
  public record Settings(String bootstrapServers, String topic, short replicationFactor) {}

  /** A record of the partition: its offset and the sequence number of its first event. */
  private record Position(long offset, int count) {}

  private final TopicPartition partition;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> tail;
  private final KafkaConsumer<byte[], byte[]> reader;
  private final NavigableMap<Long, Position> bySeq = new ConcurrentSkipListMap<>();
  private final Map<Long, Long> seqByOffset = new java.util.concurrent.ConcurrentHashMap<>();
  /** This node's appends on the brokers, waiting for the tail to number them, by offset. */
  private final Map<Long, CompletableFuture<Long>> waiting = new java.util.concurrent.ConcurrentHashMap<>();
  /** Records readable by {@link #read} (advanced before {@link #seqs}, so a woken reader finds them). */
  private final Watermark tailedOffsets = new Watermark(0);
  /** Records fully numbered (advanced after {@link #seqs}, so whoever waits on it sees their numbers). */
  private final Watermark numberedOffsets = new Watermark(0);
  private final Watermark seqs = new Watermark(1);
  /**
   * Records the reader polled but no read has used up yet: sequential reads (the pipeline, a
   * replay) continue from them instead of seeking and fetching up to 32 MiB again each time.
   */
  private final java.util.ArrayDeque<ConsumerRecord<byte[], byte[]>> polled = new java.util.ArrayDeque<>();
  private final Thread tailThread;
  private final GroupCommit commits;
  private long nextSeq = 1;
  private volatile boolean running = true;

  public KafkaEventLog(Settings settings, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this.partition = new TopicPartition(settings.topic(), 0);
    KafkaClients.createTopic(settings);
    this.producer = KafkaClients.producer(settings.bootstrapServers());
    this.tail = KafkaClients.consumer(settings.bootstrapServers());
    this.reader = KafkaClients.consumer(settings.bootstrapServers());
    tail.assign(List.of(partition));
    tail.seekToBeginning(List.of(partition));
    reader.assign(List.of(partition));
    long end = tail.endOffsets(List.of(partition)).get(partition);
    this.tailThread = new Thread(this::tailLoop, "truecount-kafka-tail");
    tailThread.setDaemon(true);
    tailThread.start();
    awaitTailed(end);
    this.commits = new GroupCommit("truecount-log-writer", maxQueuedRequests, maxQueuedEvents, commitNanos, COMMITS_IN_FLIGHT, this::write);
  }

  /** Opening knows the log's end: waits until the tail has numbered every record there was. */
  private void awaitTailed(long endOffset) {
    try {
      if (endOffset > 0 && !numberedOffsets.awaitAbove(endOffset - 1, Duration.ofSeconds(120))) {
        throw new IllegalStateException("reading the Kafka log to its end took over 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public CompletableFuture<Long> append(List<Event> events) {
    return events.isEmpty() ? CompletableFuture.completedFuture(seqs.get()) : commits.append(events);
  }

  /**
   * One group commit: one record, acknowledged by all in-sync replicas, then numbered by the tail.
   * Up to {@link #COMMITS_IN_FLIGHT} records are in flight; the idempotent producer keeps them in
   * order on the partition, so acknowledged appends keep the order they were given.
   */
  private CompletableFuture<Long> write(List<Event> events) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(partition.topic(), 0, null, EventCodec.encode(events));
    record.headers().add(COUNT, ByteBuffer.allocate(4).putInt(events.size()).array());
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
          int count = count(r);
          long first = nextSeq;
          bySeq.put(first, new Position(r.offset(), count));
          nextSeq += count;
          // Offsets first: a reader woken by the sequence number must find the record readable.
          tailedOffsets.advanceTo(r.offset() + 1);
          seqs.advanceTo(nextSeq);
          numberedOffsets.advanceTo(r.offset() + 1);
          answerWriter(r.offset(), first);
        }
        trimOffsets();
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "tailing the Kafka log failed; retrying", e);
      }
    }
  }

  /** The append waiting for this record, if it is this node's (else its number is kept briefly for a writer not yet registered). */
  private void answerWriter(long offset, long first) {
    CompletableFuture<Long> writer = waiting.remove(offset);
    if (writer != null) {
      writer.complete(first);
    } else {
      seqByOffset.put(offset, first);
      CompletableFuture<Long> late = waiting.remove(offset);
      if (late != null) {
        seqByOffset.remove(offset);
        late.complete(first);
      }
    }
  }

  /** Offsets of other nodes' records are only needed by their own writers; keep the map small. */
  private void trimOffsets() {
    long tailed = tailedOffsets.get();
    if (seqByOffset.size() > 100_000) {
      seqByOffset.keySet().removeIf(o -> o < tailed - 50_000);
    }
  }

  @Override
  public List<LoggedEvent> read(long fromSeq, int max) {
    Map.Entry<Long, Position> start = bySeq.floorEntry(fromSeq);
    List<LoggedEvent> out = new ArrayList<>();
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
        BatchRows.unpack(seq, r.value(), fromSeq, max, out);
        seq += count(r);
        if (out.isEmpty() || out.get(out.size() - 1).seq() == seq - 1) {
          polled.removeFirst(); // used up; a partly used record stays for the next read, which starts in it
        }
      }
    }
    return out;
  }

  /** How many events a record holds (its header; the payload need not be decoded to number them). */
  private static int count(ConsumerRecord<byte[], byte[]> record) {
    return ByteBuffer.wrap(record.headers().lastHeader(COUNT).value()).getInt();
  }

  @Override
  public long nextSeq() {
    return seqs.get();
  }

  @Override
  public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    seqs.awaitAbove(fromSeq, max);
  }

  @Override
  public int pendingAppends() {
    return commits.pending();
  }

  @Override
  public void close() {
    commits.close();
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
