package io.truecount.core.attribution;

import static java.util.Objects.requireNonNull;

import io.truecount.core.ads.AttributionSettings;

/** Where an ad sits and what its ad group counts: all attribution needs to know about an ad. */
public record Placement(String adId, String adGroupId, String campaignId, String advertiserId, String sourceId,
    String optimizationEvent, AttributionSettings settings) {
  public Placement {
    requireNonNull(adId, "adId is null");
    requireNonNull(adGroupId, "adGroupId is null");
    requireNonNull(campaignId, "campaignId is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(optimizationEvent, "optimizationEvent is null");
    requireNonNull(settings, "settings is null");
  }
}
