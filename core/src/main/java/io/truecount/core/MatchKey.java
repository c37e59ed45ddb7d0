package io.truecount.core;

import java.util.List;

/**
 * The match keys Event Match Quality scores, with our weights (they sum to 10, so full coverage of
 * every key scores 10). Documented in docs/event-match-quality.md.
 */
public enum MatchKey {
  TTCLID(3.0),
  EMAIL(2.5),
  PHONE(2.0),
  EXTERNAL_ID(1.5),
  TTP(0.5),
  IP_AND_USER_AGENT(0.5);

  /** Every key in declaration order ({@code values()} copies its array on each call: per event, that adds up). */
  public static final List<MatchKey> ALL = List.of(values());

  private final double weight;

  MatchKey(double weight) {
    this.weight = weight;
  }

  public double weight() {
    return weight;
  }

  boolean presentIn(MatchKeys keys) {
    return switch (this) {
      case TTCLID -> !keys.ttclid().isEmpty();
      case EMAIL -> !keys.emails().isEmpty();
      case PHONE -> !keys.phones().isEmpty();
      case EXTERNAL_ID -> !keys.externalIds().isEmpty();
      case TTP -> !keys.ttp().isEmpty();
      case IP_AND_USER_AGENT -> !keys.ip().isEmpty() && !keys.userAgent().isEmpty();
    };
  }
}
