package io.truecount.server.ui;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import java.util.List;

/** A campaign with its ad groups, each with its ads. */
public record CampaignTree(Campaign campaign, List<GroupTree> groups) {
  /** An ad group with its ads. */
  public record GroupTree(AdGroup group, List<Ad> ads) {}
}
