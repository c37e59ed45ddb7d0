package io.truecount.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import io.truecount.core.ads.Touch;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.Candidate;
import io.truecount.core.attribution.Credit;
import io.truecount.wire.Json;
import java.time.Instant;
import java.time.ZoneId;

/** JSON views of campaigns, ad groups, ads, touches and attribution explanations, in TikTok's field names. */
public final class AdsViews {
  private AdsViews() {}

  public static ObjectNode campaign(Campaign c) {
    return Json.MAPPER.createObjectNode().put("campaign_id", c.id()).put("advertiser_id", c.advertiserId()).put("campaign_name", c.name())
        .put("objective_type", c.objective().name()).put("create_time", c.createdAt().toString());
  }

  public static ObjectNode adGroup(AdGroup g) {
    return Json.MAPPER.createObjectNode().put("adgroup_id", g.id()).put("campaign_id", g.campaignId()).put("advertiser_id", g.advertiserId())
        .put("adgroup_name", g.name()).put("event_source_id", g.sourceId()).put("optimization_event", g.optimizationEvent())
        .put("click_attribution_window", g.settings().click().name()).put("view_attribution_window", g.settings().view().name())
        .put("engaged_view_attribution_window", g.settings().engagedView().name())
        .put("attribution_event_count", g.settings().count().name()).put("published", g.published())
        .put("publish_time", g.publishedAt().map(Instant::toString).orElse(null)).put("create_time", g.createdAt().toString());
  }

  public static ObjectNode ad(Ad a) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("ad_id", a.id()).put("adgroup_id", a.adGroupId()).put("campaign_id", a.campaignId())
        .put("advertiser_id", a.advertiserId()).put("ad_name", a.name()).put("create_time", a.createdAt().toString());
    a.landingDomains().forEach(node.putArray("landing_domains")::add);
    return node;
  }

  static ObjectNode touch(Touch t, ZoneId zone) {
    return Json.MAPPER.createObjectNode().put("touch_id", t.touchId()).put("kind", t.kind().wireName()).put("ad_id", t.adId())
        .put("time", t.time().getEpochSecond()).put("time_local", t.time().atZone(zone).toLocalDateTime().toString());
  }

  static ObjectNode candidate(Candidate c, ZoneId zone) {
    ObjectNode node = touch(c.touch(), zone);
    c.placement().ifPresent(p -> node.put("adgroup_id", p.adGroupId()).put("campaign_id", p.campaignId())
        .put("window", p.settings().window(c.touch().kind()).name()));
    c.sharedKeys().stream().distinct().forEach(node.putArray("shared_keys")::add);
    node.put("eligible", c.eligible()).put("reason", c.reason());
    return node;
  }

  static ObjectNode credit(Credit c, ZoneId zone) {
    ObjectNode node = touch(c.touch(), zone);
    node.put("adgroup_id", c.placement().adGroupId()).put("campaign_id", c.placement().campaignId())
        .put("probabilistic", c.probabilistic()).put("why", Attribution.whyWinner(c));
    return node;
  }
}
