package io.truecount.log.kafka;

import io.truecount.testkit.TestKafka;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One topic per test directory on the test broker, so reopening a directory reads the same log. */
final class TestTopics {
  private static final Map<Path, String> TOPICS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestTopics() {}

  static KafkaEventLog open(Path dir, String prefix) {
    String topic = TOPICS.computeIfAbsent(dir, d -> prefix + NEXT.incrementAndGet());
    return new KafkaEventLog(new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1), 10_000, 1_000_000, n -> { });
  }
}
