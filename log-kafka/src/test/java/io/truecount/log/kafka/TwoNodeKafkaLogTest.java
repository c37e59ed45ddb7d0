package io.truecount.log.kafka;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.SharedEventLogContract;
import java.nio.file.Path;

/** Two nodes (two producers, two readers) on one Kafka topic. */
class TwoNodeKafkaLogTest extends SharedEventLogContract {
  @Override
  protected EventLog openNode(Path dir) {
    return TestTopics.open(dir, "truecount-shared-");
  }

  @Override
  protected boolean dense() {
    return false; // numbered by record: gaps between appends
  }
}
