package io.truecount.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * TikTok's report metrics by their API names, each derived from a {@link LevelRow}'s sums
 * (spec §7 formulas). Values are strings as TikTok returns them: money and rates with 2
 * decimals, counts as integers; a ratio over zero is "0.00".
 */
public enum ReportMetric {
  SPEND("spend", r -> money(r.spend())),
  IMPRESSIONS("impressions", r -> Long.toString(r.impressions())),
  CLICKS("clicks", r -> Long.toString(r.clicks())),
  CTR("ctr", r -> percent(r.clicks(), r.impressions())),
  CPC("cpc", r -> ratio(r.spend(), r.clicks())),
  CPM("cpm", r -> ratio(r.spend().multiply(BigDecimal.valueOf(1000)), r.impressions())),
  CONVERSION("conversion", r -> Long.toString(r.conversions())),
  COST_PER_CONVERSION("cost_per_conversion", r -> ratio(r.spend(), r.conversions())),
  CONVERSION_RATE_V2("conversion_rate_v2", r -> percent(r.conversions(), r.impressions())),
  REAL_TIME_CONVERSION("real_time_conversion", r -> Long.toString(r.realTimeConversions())),
  REAL_TIME_COST_PER_CONVERSION("real_time_cost_per_conversion", r -> ratio(r.spend(), r.realTimeConversions())),
  RESULT("result", r -> Long.toString(r.conversions())),
  COMPLETE_PAYMENT("complete_payment", r -> Long.toString(r.purchases())),
  COST_PER_COMPLETE_PAYMENT("cost_per_complete_payment", r -> ratio(r.spend(), r.purchases())),
  TOTAL_COMPLETE_PAYMENT_RATE("total_complete_payment_rate", r -> money(r.purchaseValue())),
  COMPLETE_PAYMENT_ROAS("complete_payment_roas", r -> r.spend().signum() == 0 ? "0.00" : r.purchaseValue().divide(r.spend(), 2, RoundingMode.HALF_UP).toPlainString()),
  CTA_CONVERSION("cta_conversion", r -> Long.toString(r.clickThrough())),
  VTA_CONVERSION("vta_conversion", r -> Long.toString(r.viewThrough())),
  ENGAGED_VIEW_THROUGH_CONVERSIONS("engaged_view_through_conversions", r -> Long.toString(r.engagedViewThrough()));

  private final String apiName;
  private final Function<LevelRow, String> value;

  ReportMetric(String apiName, Function<LevelRow, String> value) {
    this.apiName = apiName;
    this.value = value;
  }

  public String apiName() {
    return apiName;
  }

  public String valueOf(LevelRow row) {
    return value.apply(row);
  }

  public static Optional<ReportMetric> byApiName(String name) {
    return Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
  }

  static String money(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  static String ratio(BigDecimal numerator, long denominator) {
    return denominator == 0 ? "0.00" : numerator.divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
  }

  static String percent(long numerator, long denominator) {
    return denominator == 0 ? "0.00" : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
  }
}
