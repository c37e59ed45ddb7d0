package io.truecount.log.kafka;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.SharedEventLogContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Two nodes (two producers, two tails) on one Kafka topic. */
class TwoNodeKafkaLogTest extends SharedEventLogContract {
  private static final Map<Path, String> TOPICS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected EventLog openNode(Path dir) {
    String topic = TOPICS.computeIfAbsent(dir, d -> "truecount-shared-" + NEXT.incrementAndGet());
    return new KafkaEventLog(new KafkaEventLog.Settings(io.truecount.testkit.TestKafka.bootstrap(), topic, (short) 1), 10_000, 1_000_000, n -> { });
  }
}
