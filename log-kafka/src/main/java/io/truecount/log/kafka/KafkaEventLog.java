package io.truecount.log.kafka;

import io.truecount.core.Event;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogSubscription;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.core.spi.PartitionListener;
import io.truecount.core.spi.Seqs;
import io.truecount.store.jdbc.GroupCommit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;

/**
 * The event log on a Kafka topic with one or more partitions; an advertiser's events all go to one
 * ({@link io.truecount.core.spi.Partitioning}). A group commit is one record per partition it
 * touches (the compact batch format of the other logs), produced with {@code acks=all} and
 * idempotence: acknowledged means on the in-sync replicas. Sequence numbers name the record and
 * the event's place in it ({@link Seqs#ofRecord}), so every node agrees on them without reading
 * the whole topic. The pipeline reads through a consumer group ({@link KafkaSubscription}): each
 * partition is processed by one node.
 */
public final class KafkaEventLog implements EventLog {
  /** Group commits on their way to the brokers at once (the idempotent producer allows up to 5 in order). */
  private static final int COMMITS_IN_FLIGHT = 4;

  /**
   * Where the brokers are, the topic (created when missing, with {@code partitions}), and how soon
   * the pipeline's consumer group gives a silent node's partitions to the others.
   */
  public record Settings(String bootstrapServers, String topic, short replicationFactor, int partitions, Duration sessionTimeout) {
    public Settings(String bootstrapServers, String topic, short replicationFactor) {
      this(bootstrapServers, topic, replicationFactor, 1, Duration.ofSeconds(10));
    }

    /** The touch log's topic next to this event log's: {@code <topic>-touches}, one partition. */
    public Settings touches() {
      return new Settings(bootstrapServers, topic + "-touches", replicationFactor, 1, sessionTimeout);
    }

    /** The consumer group of the pipeline reading this topic. */
    String group() {
      return topic + "-pipeline";
    }
  }

  private final Settings settings;
  private final int partitions;
  private final PartitionedWriter writer;
  private final GroupCommit commits;
  private final RecordReader reader;
  private final PipelineOwners owners;

  /** {@code partitionOf} says which partition an event goes to (all of one advertiser's to the same). */
  public KafkaEventLog(Settings settings, ToIntFunction<Event> partitionOf, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this.settings = settings;
    this.partitions = KafkaClients.createTopic(settings);
    this.writer = new PartitionedWriter(settings.topic(), KafkaClients.producer(settings.bootstrapServers()), partitionOf);
    this.commits = new GroupCommit("truecount-log-writer", maxQueuedRequests, maxQueuedEvents, commitNanos, COMMITS_IN_FLIGHT, writer::write);
    this.reader = new RecordReader(settings);
    this.owners = new PipelineOwners(settings);
  }

  /** A one-partition log (every event to partition 0). */
  public KafkaEventLog(Settings settings, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this(settings, event -> 0, maxQueuedRequests, maxQueuedEvents, commitNanos);
  }

  @Override
  public CompletableFuture<Long> append(List<Event> events) {
    if (events.size() > Seqs.MAX_ITEMS_PER_RECORD) {
      throw new IllegalArgumentException("an append holds at most " + Seqs.MAX_ITEMS_PER_RECORD + " events, was " + events.size());
    }
    return events.isEmpty() ? CompletableFuture.completedFuture(nextSeq()) : commits.append(events);
  }

  @Override
  public List<LoggedEvent> read(long fromSeq, int max) {
    return reader.read(fromSeq, max);
  }

  @Override
  public int partitions() {
    return partitions;
  }

  @Override
  public long firstSeq(int partition) {
    return Seqs.ofRecord(partition, 0);
  }

  @Override
  public long lastSeq(int partition) {
    return reader.lastSeq(partition);
  }

  /** One past the last event of partition 0. */
  @Override
  public long nextSeq() {
    return lastSeq(0) + 1;
  }

  @Override
  public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    reader.awaitAppended(fromSeq, max);
  }

  @Override
  public LogSubscription subscribe(String node, PartitionListener listener) {
    return new KafkaSubscription(settings, node, listener);
  }

  /** Which node (by its name, the advertised URL) processes each partition now, as the group coordinator says. */
  @Override
  public Map<Integer, String> owners() {
    return owners.get();
  }

  @Override
  public int pendingAppends() {
    return commits.pending();
  }

  @Override
  public void close() {
    commits.close();
    writer.close();
    reader.close();
    owners.close();
  }
}
