package io.truecount.wire;

import java.util.List;

/** An event of a batch that was refused, with every problem found in it. */
public record FailedEvent(int index, String eventId, List<Problem> problems) {
  public FailedEvent {
    problems = List.copyOf(problems);
  }

  public Code code() {
    return problems.stream().allMatch(p -> p.code() == Code.PII_NOT_HASHED) ? Code.PII_NOT_HASHED : Code.PARAMETER_ERROR;
  }
}
