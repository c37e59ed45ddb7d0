package io.truecount.core.report;

/** Which time a conversion is counted on: its credited impression/click, or the conversion itself. */
public enum TimeBasis {
  IMPRESSION,
  CONVERSION
}
