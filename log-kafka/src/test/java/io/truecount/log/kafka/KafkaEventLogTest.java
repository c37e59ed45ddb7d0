package io.truecount.log.kafka;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.EventLogContract;
import java.nio.file.Path;

/** The event-log contract on a real Kafka broker: one topic per test directory, so a reopen reads the same log. */
class KafkaEventLogTest extends EventLogContract {
  @Override
  protected EventLog open(Path dir) {
    return TestTopics.open(dir, "truecount-events-");
  }

  @Override
  protected boolean dense() {
    return false; // numbered by record: gaps between appends
  }
}
