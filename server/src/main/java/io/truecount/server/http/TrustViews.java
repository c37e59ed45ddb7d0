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
    ArrayNode steps = node.putArray("steps");
    for (Step s : c.steps()) {
      ObjectNode step = steps.addObject().put("step", s.number()).put("title", s.title()).put("verdict", s.verdict().name().toLowerCase(Locale.ROOT))
          .put("summary", s.summary()).put("fix", s.fix());
      s.evidence().forEach(step.putArray("evidence")::add);
    }
    c.noConversionsTriage().ifPresent(t -> node.put("no_conversions_triage", t));
    return node;
  }
}
