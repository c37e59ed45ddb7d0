package io.truecount.core.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One row of a report at a level: sums only (ratios are derived when shown, so every level is
 * the plain sum of the level below). {@code conversions} is the optimization event of each ad's
 * ad group (or the picked event), on the impression basis; {@code realTime*} on the conversion
 * basis; {@code click/view/engagedView} split the impression-basis count by touch kind.
 */
public record LevelRow(
    String id,
    Optional<LocalDateTime> period,
    long impressions,
    long clicks,
    BigDecimal spend,
    long conversions,
    BigDecimal conversionValue,
    long realTimeConversions,
    BigDecimal realTimeValue,
    long clickThrough,
    long viewThrough,
    long engagedViewThrough,
    long purchases,
    BigDecimal purchaseValue,
    long otherCurrency,
    long platformConversions,
    BigDecimal platformValue) {

  LevelRow plus(LevelRow o) {
    return new LevelRow(id, period, impressions + o.impressions, clicks + o.clicks, spend.add(o.spend),
        conversions + o.conversions, conversionValue.add(o.conversionValue), realTimeConversions + o.realTimeConversions,
        realTimeValue.add(o.realTimeValue), clickThrough + o.clickThrough, viewThrough + o.viewThrough,
        engagedViewThrough + o.engagedViewThrough, purchases + o.purchases, purchaseValue.add(o.purchaseValue),
        otherCurrency + o.otherCurrency, platformConversions + o.platformConversions, platformValue.add(o.platformValue));
  }
}
