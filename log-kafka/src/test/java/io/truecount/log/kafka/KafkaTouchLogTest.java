package io.truecount.log.kafka;

import io.truecount.core.spi.TouchLog;
import io.truecount.testkit.TestKafka;
import io.truecount.testkit.TouchLogContract;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The touch-log contract on a real Kafka broker: one topic per test directory, so a reopen reads the same log. */
class KafkaTouchLogTest extends TouchLogContract {
  private static final Map<Path, String> TOPICS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected TouchLog open(Path dir) {
    String topic = TOPICS.computeIfAbsent(dir, d -> "truecount-events-t" + NEXT.incrementAndGet());
    return new KafkaTouchLog(new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1).touches());
  }
}
