package io.truecount.core.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The attribution of one conversion: the credited touch (or none), and whether it counts (a
 * credited conversion counts unless an earlier one took its touch's ONCE slot).
 */
public record LedgerEntry(Conversion conversion, Optional<Credit> credit, boolean counted) {
  public LedgerEntry {
    requireNonNull(conversion, "conversion is null");
    requireNonNull(credit, "credit is null");
  }

  public String status() {
    if (credit.isEmpty()) {
      return "unattributed";
    }
    return counted ? "counted" : "not counted: ONCE (an earlier " + conversion.event() + " already used this touch)";
  }
}
