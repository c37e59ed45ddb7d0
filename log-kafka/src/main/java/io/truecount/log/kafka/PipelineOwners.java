package io.truecount.log.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Which node processes each partition, from the group coordinator: each member's client id is its
 * node name (advertised URL). Cached for a second; a rebalance shows up within that.
 */
final class PipelineOwners implements AutoCloseable {
  private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

  private final KafkaEventLog.Settings settings;
  private final Admin admin;
  private Map<Integer, String> cached = Map.of();
  private long readAt;

  PipelineOwners(KafkaEventLog.Settings settings) {
    this.settings = settings;
    this.admin = KafkaClients.admin(settings.bootstrapServers());
    this.readAt = System.nanoTime() - 2 * FRESH_NANOS;
  }

  synchronized Map<Integer, String> get() {
    if (System.nanoTime() - readAt < FRESH_NANOS) {
      return cached;
    }
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(java.util.List.of(settings.group())).all().get(5, TimeUnit.SECONDS)
          .get(settings.group());
      Map<Integer, String> owners = new HashMap<>();
      for (MemberDescription member : group.members()) {
        for (TopicPartition tp : member.assignment().topicPartitions()) {
          owners.put(tp.partition(), member.clientId());
        }
      }
      cached = Map.copyOf(owners);
      readAt = System.nanoTime();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      System.getLogger(PipelineOwners.class.getName()).log(System.Logger.Level.WARNING,
          "cannot read the pipeline group's members (keeping the last known owners): " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return cached;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
