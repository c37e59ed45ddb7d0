package io.truecount.log.kafka;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.EventLogContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The event-log contract on a real Kafka broker: one topic per test directory, so a reopen reads the same log. */
class KafkaEventLogTest extends EventLogContract {
  private static final Map<Path, String> TOPICS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected EventLog open(Path dir) {
    String topic = TOPICS.computeIfAbsent(dir, d -> "truecount-events-" + NEXT.incrementAndGet());
    return new KafkaEventLog(new KafkaEventLog.Settings(io.truecount.testkit.TestKafka.bootstrap(), topic, (short) 1), 10_000, 1_000_000, n -> { });
  }
}
