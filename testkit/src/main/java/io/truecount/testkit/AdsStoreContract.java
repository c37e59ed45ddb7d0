package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.AttributionWindow;
import io.truecount.core.ads.Campaign;
import io.truecount.core.ads.CountMode;
import io.truecount.core.ads.DeliveryFact;
import io.truecount.core.ads.Objective;
import io.truecount.core.spi.AdsStore;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link AdsStore} adapter must do. */
public abstract class AdsStoreContract {
  @TempDir protected Path dir;

  protected abstract AdsStore open(Path dir);

  private static final Instant T = Instant.parse("2026-10-25T03:00:00Z");

  @Test
  void stores_replaces_and_lists_the_ads_tree_per_advertiser() {
    Campaign campaign = new Campaign("1801", "7001", "Black Friday", Objective.SALES, T);
    AdGroup group = new AdGroup("1802", "1801", "7001", "BR 18-34", "CPIXEL", "Purchase",
        new AttributionSettings(AttributionWindow.TWENTY_EIGHT_DAYS, AttributionWindow.OFF, AttributionWindow.SEVEN_DAYS, CountMode.ONCE),
        Optional.empty(), T);
    Ad ad = new Ad("1803", "1802", "1801", "7001", "video A", List.of("shop.example", "www.shop.example"), T);
    try (AdsStore store = open(dir)) {
      store.putCampaign(campaign);
      store.putCampaign(new Campaign("1900", "7002", "other advertiser", Objective.REACH, T));
      store.putAdGroup(group);
      store.putAd(ad);
      AdGroup published = new AdGroup(group.id(), group.campaignId(), group.advertiserId(), group.name(), group.sourceId(),
          group.optimizationEvent(), group.settings(), Optional.of(T.plusSeconds(60)), group.createdAt());
      store.putAdGroup(published);
    }
    try (AdsStore store = open(dir)) {
      assertThat(store.campaigns("7001")).containsExactly(campaign);
      assertThat(store.adGroup("1802").orElseThrow().publishedAt()).contains(T.plusSeconds(60));
      assertThat(store.adGroup("1802").orElseThrow().settings()).isEqualTo(group.settings());
      assertThat(store.ads("7001")).containsExactly(ad);
      assertThat(store.ad("nope")).isEmpty();
      assertThat(store.adGroups("7002")).isEmpty();
    }
  }

  @Test
  void delivery_facts_upsert_by_ad_and_period_start_and_survive_reopening() {
    DeliveryFact day = new DeliveryFact("7001", "1803", T, T.plusSeconds(86400), 1000, 25, new BigDecimal("12.34"), Optional.of(3L), Optional.of(new BigDecimal("299.70")));
    try (AdsStore store = open(dir)) {
      store.putDelivery(List.of(day, new DeliveryFact("7001", "1804", T, T.plusSeconds(86400), 5, 0, BigDecimal.ONE, Optional.empty(), Optional.empty())));
      store.putDelivery(List.of(new DeliveryFact("7001", "1803", T, T.plusSeconds(86400), 2000, 50, new BigDecimal("24.68"), Optional.empty(), Optional.empty())));
    }
    try (AdsStore store = open(dir)) {
      assertThat(store.delivery()).hasSize(2);
      DeliveryFact replaced = store.delivery().stream().filter(f -> f.adId().equals("1803")).findFirst().orElseThrow();
      assertThat(replaced.impressions()).isEqualTo(2000);
      assertThat(replaced.spend()).isEqualByComparingTo("24.68");
      assertThat(replaced.platformConversions()).isEmpty();
    }
  }
}
