package io.truecount.testkit;

import io.truecount.core.ads.Touch;
import io.truecount.core.spi.TouchLog;
import java.util.ArrayList;
import java.util.List;

/** A hand-written in-memory {@link TouchLog} for tests. */
public final class InMemoryTouchLog implements TouchLog {
  private final List<Touch> touches = new ArrayList<>();

  @Override
  public synchronized void append(List<Touch> batch) {
    touches.addAll(batch);
  }

  @Override
  public synchronized List<LoggedTouch> read(long fromSeq, int max) {
    List<LoggedTouch> out = new ArrayList<>();
    for (long seq = Math.max(1, fromSeq); seq <= touches.size() && out.size() < max; seq++) {
      out.add(new LoggedTouch(seq, touches.get((int) seq - 1)));
    }
    return out;
  }

  @Override
  public void close() {}
}
