package io.truecount.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.trust.CampaignCheck;
import io.truecount.core.trust.Step;
import io.truecount.wire.Json;
import java.util.Locale;

/** JSON views of the trust layer's answers. */
public final class TrustViews {
  private TrustViews() {}

  public static ObjectNode check(CampaignCheck c) {
    ObjectNode node = Json.MAPPER.createObjectNode().put("campaign_id", c.campaignId()).put("campaign_name", c.campaignName())
        .put("objective", c.objective()).put("verdict", c.verdict()).put("first_fix", c.firstFix());
    steps(node.putArray("steps"), c.steps());
    c.noConversionsTriage().ifPresent(t -> node.put("no_conversions_triage", t));
    ArrayNode groups = node.putArray("ad_groups");
    for (CampaignCheck.AdGroupCheck g : c.adGroups()) {
      ObjectNode group = groups.addObject().put("adgroup_id", g.adGroupId()).put("adgroup_name", g.name()).put("verdict", g.verdict()).put("first_fix", g.firstFix());
      steps(group.putArray("steps"), g.steps());
    }
    return node;
  }

  private static void steps(ArrayNode out, java.util.List<Step> steps) {
    for (Step s : steps) {
      ObjectNode step = out.addObject().put("step", s.number()).put("title", s.title()).put("verdict", s.verdict().name().toLowerCase(Locale.ROOT))
          .put("summary", s.summary()).put("fix", s.fix());
      s.evidence().forEach(step.putArray("evidence")::add);
    }
  }
}
