package io.truecount.store;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.EventLogContract;
import java.nio.file.Path;

class SqliteEventLogTest extends EventLogContract {
  @Override
  protected EventLog open(Path dir) {
    return new SqliteEventLog(dir.resolve("log.db"), 1024, 1_000_000, nanos -> {});
  }
}
