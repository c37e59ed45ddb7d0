package io.truecount.core.report;

import io.truecount.core.attribution.Placement;

/** A reporting level and the id a row of that level is keyed by. */
public enum Level {
  ADVERTISER,
  CAMPAIGN,
  ADGROUP,
  AD;

  public String idOf(Placement p) {
    return switch (this) {
      case ADVERTISER -> p.advertiserId();
      case CAMPAIGN -> p.campaignId();
      case ADGROUP -> p.adGroupId();
      case AD -> p.adId();
    };
  }
}
