package io.truecount.core.report;

import java.math.BigDecimal;

/**
 * Counted conversions and their value in the advertiser's currency; conversions whose value was
 * in another currency are counted in {@code otherCurrency} and not summed (no silent FX).
 */
public record Tally(long count, BigDecimal value, long otherCurrency) {
  public static final Tally ZERO = new Tally(0, BigDecimal.ZERO, 0);

  public Tally plus(Tally o) {
    return new Tally(count + o.count, value.add(o.value), otherCurrency + o.otherCurrency);
  }

  Tally times(int sign) {
    return sign > 0 ? this : new Tally(-count, value.negate(), -otherCurrency);
  }

  public boolean isZero() {
    return count == 0 && value.signum() == 0 && otherCurrency == 0;
  }
}
