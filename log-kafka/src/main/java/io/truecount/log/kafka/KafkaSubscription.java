package io.truecount.log.kafka;

import io.truecount.core.spi.LogSubscription;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.core.spi.PartitionListener;
import io.truecount.core.spi.Seqs;
import io.truecount.store.jdbc.BatchRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * This node's share of the event topic: a member of the pipeline's consumer group. On an
 * assignment it seeks each new partition to where this node's state for it stops (the start, for
 * a partition it never had), so the state stays a pure function of the partition; committed
 * offsets are kept (auto-commit) for Kafka's lag tooling, not for recovery: the state lives in
 * memory and a restart replays.
 */
final class KafkaSubscription implements LogSubscription, ConsumerRebalanceListener {
  private static final System.Logger LOG = System.getLogger(KafkaSubscription.class.getName());
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final PartitionListener listener;
  /** The next sequence number to hand out, by assigned partition. */
  private final Map<Integer, Long> resume = new HashMap<>();
  private volatile long lag;
  /** Assigned partitions whose fetch position has reached the end the broker last reported. */
  private final java.util.Set<Integer> caughtUp = java.util.concurrent.ConcurrentHashMap.newKeySet();

  KafkaSubscription(KafkaEventLog.Settings settings, String node, PartitionListener listener) {
    this.listener = listener;
    this.consumer = KafkaClients.groupConsumer(settings, node);
    consumer.subscribe(List.of(settings.topic()), this);
  }

  @Override
  public List<LoggedEvent> poll(Duration max) {
    measureLag(); // what was returned before is processed now
    List<LoggedEvent> out = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(max)) {
      Long from = resume.get(r.partition());
      if (from == null) {
        continue; // revoked during this poll
      }
      long first = Seqs.ofRecord(r.partition(), r.offset());
      BatchRows.unpack(first, r.value(), from, Integer.MAX_VALUE, out);
      resume.put(r.partition(), Math.max(from, first + PartitionedWriter.count(r)));
    }
    return out;
  }

  /** Records between each assigned partition's position and its end as last fetched; a partition at its end is caught up. */
  private void measureLag() {
    long behind = 0;
    for (TopicPartition tp : consumer.assignment()) {
      java.util.OptionalLong partitionLag = consumer.currentLag(tp);
      behind += partitionLag.orElse(0);
      if (partitionLag.isPresent() && partitionLag.getAsLong() == 0 && caughtUp.add(tp.partition())) {
        LOG.log(System.Logger.Level.INFO,
            "log partition " + tp.partition() + " read to its end: this node answers for its advertisers");
      }
    }
    lag = behind;
  }

  @Override
  public long lag() {
    return lag;
  }

  @Override
  public boolean caughtUp(int partition) {
    return caughtUp.contains(partition);
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      long next = listener.assigned(tp.partition());
      resume.put(tp.partition(), next);
      consumer.seek(tp, Seqs.offset(next));
    }
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      resume.remove(tp.partition());
      caughtUp.remove(tp.partition());
      listener.revoked(tp.partition());
    }
  }

  @Override
  public void close() {
    consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(10)));
  }
}
