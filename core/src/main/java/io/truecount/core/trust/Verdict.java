package io.truecount.core.trust;

/** One checklist step's result, worst last. */
public enum Verdict {
  PASS,
  UNKNOWN,
  WARN,
  FAIL;

  public Verdict worst(Verdict other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
