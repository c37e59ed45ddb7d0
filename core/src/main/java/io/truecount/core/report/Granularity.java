package io.truecount.core.report;

/** Report rows per whole range, per local day, or per local hour. */
public enum Granularity {
  TOTAL,
  DAY,
  HOUR
}
