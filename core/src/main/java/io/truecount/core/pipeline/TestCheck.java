package io.truecount.core.pipeline;

/** One of the seed's step-3 checks on a test event, with what was seen. */
public record TestCheck(String name, Verdict verdict, String detail) {

  /** A check passes, fails, or does not apply to this event. */
  public enum Verdict {
    PASS,
    FAIL,
    NOT_APPLICABLE
  }

  static TestCheck pass(String name, String detail) {
    return new TestCheck(name, Verdict.PASS, detail);
  }

  static TestCheck fail(String name, String detail) {
    return new TestCheck(name, Verdict.FAIL, detail);
  }

  static TestCheck notApplicable(String name, String detail) {
    return new TestCheck(name, Verdict.NOT_APPLICABLE, detail);
  }
}
