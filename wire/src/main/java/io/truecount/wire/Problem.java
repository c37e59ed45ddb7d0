package io.truecount.wire;

import static java.util.Objects.requireNonNull;

/**
 * One validation problem: the field path as the sender wrote it, the value seen (PII redacted),
 * the rule broken and the code it maps to.
 */
public record Problem(String field, String value, String rule, Code code) {
  public Problem {
    requireNonNull(field, "field is null");
    requireNonNull(value, "value is null");
    requireNonNull(rule, "rule is null");
    requireNonNull(code, "code is null");
  }

  public static Problem of(String field, String value, String rule) {
    return new Problem(field, value, rule, Code.PARAMETER_ERROR);
  }

  /** TikTok's message style: {@code data.0.properties.contents.0.content_id: Not a valid string}. */
  public String message() {
    return field + ": " + rule + (value.isEmpty() ? "" : " (got " + value + ")");
  }

  Problem atField(String path) {
    return new Problem(path, value, rule, code);
  }
}
