package io.truecount.core.trust;

import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import io.truecount.core.pipeline.SourceHealthReport;
import io.truecount.core.pipeline.TestEventView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the checklist judges, gathered by the caller: the campaign and its ad groups, the
 * health and latest test events of their sources, how many of each ad group's optimization events
 * carried value and currency, and the report numbers of the last 7 days.
 */
public record CheckInputs(
    Campaign campaign,
    List<AdGroup> adGroups,
    Map<String, SourceHealthReport> health,
    Map<String, List<TestEventView>> testEvents,
    Map<String, EventStats> eventStats,
    Numbers numbers,
    Map<String, String> purchaseUrlPatterns,
    Instant now) {
  /** Where a purchase is expected to fire unless a source says otherwise (regular expression, searched in the URL). */
  public static final String DEFAULT_PURCHASE_URL = "thank|order-received|order-confirmation|/orders?/|checkout/(complete|success|thank)|confirmation|success";

  /** Per ad group id: conversions of its optimization event and how many carried value + currency, attributed or not. */
  public record EventStats(long received, long withValueAndCurrency, long attributed, long attributedOutsideRange) {}

  /**
   * Report numbers for the checked range: the campaign's conversions on each basis, per ad group
   * and per ad (impression basis), what the platform reported, and the pipeline's lag.
   */
  public record Numbers(long campaignConversions, long campaignRealTime, Map<String, Long> byAdGroup, Map<String, Long> byAd,
      long platformConversions, boolean platformImported, long pipelineLag) {}
}
