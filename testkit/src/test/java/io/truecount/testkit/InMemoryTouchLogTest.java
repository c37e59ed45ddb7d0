package io.truecount.testkit;

import io.truecount.core.spi.TouchLog;
import java.nio.file.Path;

class InMemoryTouchLogTest extends TouchLogContract {
  private final InMemoryTouchLog log = new InMemoryTouchLog();

  @Override
  protected TouchLog open(Path dir) {
    return log;
  }
}
