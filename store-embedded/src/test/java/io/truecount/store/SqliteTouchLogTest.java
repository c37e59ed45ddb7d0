package io.truecount.store;

import io.truecount.core.spi.TouchLog;
import io.truecount.testkit.TouchLogContract;
import java.nio.file.Path;

class SqliteTouchLogTest extends TouchLogContract {
  @Override
  protected TouchLog open(Path dir) {
    return new SqliteTouchLog(dir.resolve("touches.db"));
  }
}
