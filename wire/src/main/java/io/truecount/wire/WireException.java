package io.truecount.wire;

import java.util.List;

/** The whole request is refused with one code (bad JSON, bad top-level fields, batch too large). */
public final class WireException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Code code;
  private final transient List<Problem> problems;

  public WireException(Code code, String message, List<Problem> problems) {
    super(message);
    this.code = code;
    this.problems = List.copyOf(problems);
  }

  public WireException(Code code, String message) {
    this(code, message, List.of());
  }

  static WireException of(Problem problem) {
    return new WireException(problem.code(), problem.message(), List.of(problem));
  }

  public Code code() {
    return code;
  }

  public List<Problem> problems() {
    return problems;
  }
}
