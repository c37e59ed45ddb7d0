package io.truecount.server.ui;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.server.admin.AdsAdmin;
import java.util.List;
import java.util.Map;

/** Campaigns, their ad groups (windows, count mode, locked once published) and ads. */
final class CampaignsPage {
  private final AdsAdmin ads;
  private final UiFrame frame;

  CampaignsPage(AdsAdmin ads, UiFrame frame) {
    this.ads = ads;
    this.frame = frame;
  }

  void show(UiRequest r) {
    String advertiserId = r.advertiser().id();
    List<AdGroup> groups = ads.adGroups(advertiserId);
    List<Ad> allAds = ads.ads(advertiserId);
    List<CampaignTree> tree = ads.campaigns(advertiserId).stream().map(c -> new CampaignTree(c, groups.stream()
        .filter(g -> g.campaignId().equals(c.id()))
        .map(g -> new CampaignTree.GroupTree(g, allAds.stream().filter(a -> a.adGroupId().equals(g.id())).toList())).toList())).toList();
    Pages.render(r.exchange(), "campaigns.jte", Map.of("chrome", frame.chrome(r, "Campaigns", "campaigns"), "tree", tree));
  }
}
