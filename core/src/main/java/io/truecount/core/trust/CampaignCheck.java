package io.truecount.core.trust;

import java.util.List;
import java.util.Optional;

/**
 * The checklist for one campaign: five steps (the worst over its ad groups), the overall verdict
 * (trusted, needs attention, broken), the first thing to fix, and — when the campaign shows no
 * conversions — the triage that says why.
 */
public record CampaignCheck(String campaignId, String campaignName, String objective, List<Step> steps, String verdict, String firstFix,
    Optional<String> noConversionsTriage, List<AdGroupCheck> adGroups) {
  public CampaignCheck {
    steps = List.copyOf(steps);
    adGroups = List.copyOf(adGroups);
  }

  /** The same five steps judged for one ad group alone. */
  public record AdGroupCheck(String adGroupId, String name, List<Step> steps, String verdict, String firstFix) {}
}
