package io.truecount.core.report;

import java.math.BigDecimal;

/** Summed delivery: impressions, clicks, spend, and what the platform reported. */
public record Delivery(long impressions, long clicks, BigDecimal spend, long platformConversions, BigDecimal platformValue) {
  public static final Delivery ZERO = new Delivery(0, 0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

  public Delivery plus(Delivery o) {
    return new Delivery(impressions + o.impressions, clicks + o.clicks, spend.add(o.spend),
        platformConversions + o.platformConversions, platformValue.add(o.platformValue));
  }
}
