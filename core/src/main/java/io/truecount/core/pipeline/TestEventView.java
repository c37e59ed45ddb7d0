package io.truecount.core.pipeline;

import io.truecount.core.Event;
import io.truecount.core.MatchKey;
import java.util.List;

/** A test event as the Test Events view shows it: never counted anywhere. */
public record TestEventView(long seq, Event event, List<MatchKey> matchKeys, List<TestCheck> checks) {
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.verdict() == TestCheck.Verdict.FAIL);
  }
}
