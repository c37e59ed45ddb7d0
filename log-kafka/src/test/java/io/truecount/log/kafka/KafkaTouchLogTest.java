package io.truecount.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.spi.TouchLog;
import io.truecount.testkit.TestKafka;
import io.truecount.testkit.TouchLogContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The touch-log contract on a real Kafka broker (one topic per test directory, so a reopen reads the same log), and two nodes on one topic. */
class KafkaTouchLogTest extends TouchLogContract {
  private static final Map<Path, String> TOPICS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();

  @Override
  protected TouchLog open(Path dir) {
    return new KafkaTouchLog(settings(TOPICS.computeIfAbsent(dir, d -> "truecount-events-t" + NEXT.incrementAndGet())));
  }

  private static KafkaEventLog.Settings settings(String topic) {
    return new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1).touches();
  }

  @Test
  void after_catching_up_a_node_reads_every_touch_another_node_appended() {
    String topic = "truecount-events-t" + NEXT.incrementAndGet();
    try (KafkaTouchLog a = new KafkaTouchLog(settings(topic)); KafkaTouchLog b = new KafkaTouchLog(settings(topic))) {
      for (int i = 0; i < 20; i++) {
        a.append(List.of(new Touch("t" + i, "7001", "1803", TouchKind.CLICK, Instant.parse("2026-10-25T03:00:00Z").plusSeconds(i), MatchKeys.NONE)));
        b.catchUp();
        assertThat(b.read(i + 1, 10)).as("touch %d appended on node A, read on node B", i).extracting(t -> t.touch().touchId()).containsExactly("t" + i);
      }
    }
  }
}
