package io.truecount.wire;

import io.truecount.core.Event;
import java.util.List;

/** The events of a request that passed validation, and those that did not. */
public record Decoded(List<Event> accepted, List<FailedEvent> failed, int total) {
  public Decoded {
    accepted = List.copyOf(accepted);
    failed = List.copyOf(failed);
  }

  /** 0 when all passed, 20001 when some did, else the code of the failures. */
  public Code code() {
    return codeOf(accepted.size(), failed);
  }

  /** The answer code of any batch: 0, 20001, or the code of its failures. */
  public static Code codeOf(int accepted, List<FailedEvent> failed) {
    if (failed.isEmpty()) {
      return Code.OK;
    }
    if (accepted > 0) {
      return Code.PARTIAL_OK;
    }
    return failed.stream().allMatch(f -> f.code() == Code.PII_NOT_HASHED) ? Code.PII_NOT_HASHED : Code.PARAMETER_ERROR;
  }
}
