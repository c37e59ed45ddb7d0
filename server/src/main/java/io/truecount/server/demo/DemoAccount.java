package io.truecount.server.demo;

import io.truecount.server.admin.AdsAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The simulated ad account: four campaigns with different objectives, windows and count modes —
 * including a sales campaign that optimizes AddToCart, planted for the checklist to flag.
 */
public final class DemoAccount {
  private DemoAccount() {}

  /** An ad of the simulated account and the settings of its ad group. */
  public record AdPlan(String adId, String optimizationEvent, Duration click, Duration view, Duration engagedView, boolean once) {
    public Duration window(String kind) {
      return switch (kind) {
        case "click" -> click;
        case "view" -> view;
        default -> engagedView;
      };
    }
  }

  /** Creates the simulated account's campaigns, ad groups and ads (published) and returns its ads. */
  public static List<AdPlan> createAds(AdsAdmin admin, String advertiserId, String pixelId) {
    List<AdPlan> plans = new ArrayList<>();
    var sales = admin.createCampaign(advertiserId, Optional.of("1800000000000000001"), "Black Friday — sales", "SALES");
    var prospecting = admin.createAdGroup(sales.id(), Optional.of("1810000000000000001"), "Prospecting 18-34", pixelId, "Purchase",
        AdsAdmin.SettingsChange.NONE, true);
    for (String ad : List.of("1820000000000000001", "1820000000000000002")) {
      admin.createAd(prospecting.id(), Optional.of(ad), "Video " + ad.substring(ad.length() - 1), List.of("shop.example.com"));
      plans.add(new AdPlan(ad, "Purchase", Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(1), false));
    }
    var retargeting = admin.createCampaign(advertiserId, Optional.of("1800000000000000002"), "Retargeting — cart abandoners", "SALES");
    var once = admin.createAdGroup(retargeting.id(), Optional.of("1810000000000000002"), "Cart abandoners, 28-day click, ONCE", pixelId, "Purchase",
        new AdsAdmin.SettingsChange(Optional.of("TWENTY_EIGHT_DAYS"), Optional.of("SEVEN_DAYS"), Optional.of("SEVEN_DAYS"), Optional.of("ONCE")), true);
    admin.createAd(once.id(), Optional.of("1820000000000000003"), "Carousel reminder", List.of("shop.example.com"));
    plans.add(new AdPlan("1820000000000000003", "Purchase", Duration.ofDays(28), Duration.ofDays(7), Duration.ofDays(7), true));
    var traffic = admin.createCampaign(advertiserId, Optional.of("1800000000000000003"), "Sales test — optimizes AddToCart (planted: the checklist flags it)", "SALES");
    var early = admin.createAdGroup(traffic.id(), Optional.of("1810000000000000003"), "Broad, optimizes AddToCart, 1-day click, no view", pixelId,
        "AddToCart", new AdsAdmin.SettingsChange(Optional.of("ONE_DAY"), Optional.of("OFF"), Optional.of("OFF"), Optional.empty()), true);
    admin.createAd(early.id(), Optional.of("1820000000000000004"), "Spark ad", List.of("shop.example.com"));
    plans.add(new AdPlan("1820000000000000004", "AddToCart", Duration.ofDays(1), Duration.ZERO, Duration.ZERO, false));
    var leads = admin.createCampaign(advertiserId, Optional.of("1800000000000000004"), "Wholesale leads", "LEAD_GENERATION");
    var form = admin.createAdGroup(leads.id(), Optional.of("1810000000000000004"), "Lead form, 7-day click, 1-day view", pixelId, "Lead",
        AdsAdmin.SettingsChange.NONE, true);
    admin.createAd(form.id(), Optional.of("1820000000000000005"), "Wholesale offer", List.of("shop.example.com"));
    plans.add(new AdPlan("1820000000000000005", "Lead", Duration.ofDays(7), Duration.ofDays(1), Duration.ofDays(1), false));
    return plans;
  }

  /** Four local days of delivery per ad (CPM ≈ 8.50), with the platform's own, somewhat higher, conversion counts. */
  static com.fasterxml.jackson.databind.node.ObjectNode delivery(List<AdPlan> ads, java.time.LocalDate today, java.util.Random random) {
    var body = io.truecount.wire.Json.MAPPER.createObjectNode();
    var rows = body.putArray("rows");
    for (AdPlan ad : ads) {
      for (int d = 0; d < 4; d++) {
        int impressions = 2000 + random.nextInt(6000);
        int clicks = impressions * (1 + random.nextInt(3)) / 100;
        rows.addObject().put("ad_id", ad.adId()).put("date", today.minusDays(d).toString()).put("impressions", impressions).put("clicks", clicks)
            .put("spend", new java.math.BigDecimal(impressions).multiply(new java.math.BigDecimal("0.0085")).setScale(2, java.math.RoundingMode.HALF_UP))
            .put("conversions", 2 + random.nextInt(6));
      }
    }
    return body;
  }
}
