package io.truecount.store.pg;

import io.truecount.core.spi.EventLog;
import io.truecount.testkit.SharedEventLogContract;
import java.nio.file.Path;

/** Two nodes (two stores, two pools, two writers) on one PostgreSQL log. */
class TwoNodeEventLogTest extends SharedEventLogContract {
  @Override
  protected EventLog openNode(Path dir) {
    return Closing.eventLog(TestDatabase.open(dir));
  }
}
