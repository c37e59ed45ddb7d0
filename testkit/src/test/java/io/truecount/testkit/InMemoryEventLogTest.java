package io.truecount.testkit;

import io.truecount.core.spi.EventLog;
import java.nio.file.Path;

class InMemoryEventLogTest extends EventLogContract {
  @Override
  protected EventLog open(Path dir) {
    return new InMemoryEventLog();
  }

  @Override
  protected boolean durable() {
    return false;
  }
}
