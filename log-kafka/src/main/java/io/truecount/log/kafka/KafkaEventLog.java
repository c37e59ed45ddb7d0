package io.truecount.log.kafka;

import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.store.jdbc.BatchRows;
import io.truecount.store.jdbc.GroupCommit;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;

/**
 * The event log on a Kafka topic with one partition (the pipeline needs one total order). A group
 * commit is one record (the compact batch format of the other logs), produced with {@code acks=all}
 * and idempotence: acknowledged means on the in-sync replicas. Numbering and reading are
 * {@link NumberedTopic}'s: every node agrees on every sequence number.
 */
public final class KafkaEventLog implements EventLog {
  /** Group commits on their way to the brokers at once (the idempotent producer allows up to 5 in order). */
  private static final int COMMITS_IN_FLIGHT = 4;

  /** Where the brokers are and the topic to use (created when missing). */
  public record Settings(String bootstrapServers, String topic, short replicationFactor) {
    /** The touch log's topic next to this event log's: {@code <topic>-touches}. */
    public Settings touches() {
      return new Settings(bootstrapServers, topic + "-touches", replicationFactor);
    }
  }

  private final NumberedTopic topic;
  private final GroupCommit commits;

  public KafkaEventLog(Settings settings, int maxQueuedRequests, long maxQueuedEvents, LongConsumer commitNanos) {
    this.topic = new NumberedTopic(settings, "truecount-kafka-tail");
    this.commits = new GroupCommit("truecount-log-writer", maxQueuedRequests, maxQueuedEvents, commitNanos, COMMITS_IN_FLIGHT,
        events -> topic.send(EventCodec.encode(events), events.size()));
  }

  @Override
  public CompletableFuture<Long> append(List<Event> events) {
    return events.isEmpty() ? CompletableFuture.completedFuture(topic.nextSeq()) : commits.append(events);
  }

  @Override
  public List<LoggedEvent> read(long fromSeq, int max) {
    return topic.read(fromSeq, max, BatchRows::unpack);
  }

  @Override
  public long nextSeq() {
    return topic.nextSeq();
  }

  @Override
  public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
    topic.awaitAppended(fromSeq, max);
  }

  @Override
  public int pendingAppends() {
    return commits.pending();
  }

  @Override
  public void close() {
    commits.close();
    topic.close();
  }
}
