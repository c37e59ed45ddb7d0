package io.truecount.store.jdbc;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Campaigns, ad groups, ads and delivery facts over SQL (the schema is the store's). */
public class JdbcAdsStore implements AdsStore {
  private static final String GROUP_COLUMNS = "id, campaign_id, advertiser_id, name, source_id, optimization_event, click_window, view_window, engaged_view_window, count_mode, published_at, created_at";
  private static final String DELIVERY_COLUMNS = "advertiser_id, ad_id, start_ms, end_ms, impressions, clicks, spend, platform_conversions, platform_value";

  private final Sql sql;

  public JdbcAdsStore(Sql sql) {
    this.sql = sql;
  }


  @Override
  public synchronized void putCampaign(Campaign c) {
    sql.update(Sql.upsert("campaigns", "id, advertiser_id, name, objective, created_at", "id"), c.id(), c.advertiserId(), c.name(), c.objective().name(), c.createdAt().toEpochMilli());
  }

  @Override
  public synchronized Optional<Campaign> campaign(String id) {
    return campaigns("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized List<Campaign> campaigns(String advertiserId) {
    return campaigns("WHERE advertiser_id = ? ORDER BY id", advertiserId);
  }

  @Override
  public synchronized void putAdGroup(AdGroup g) {
    AttributionSettings s = g.settings();
    sql.update(Sql.upsert("ad_groups", GROUP_COLUMNS, "id"),
        g.id(), g.campaignId(), g.advertiserId(), g.name(), g.sourceId(), g.optimizationEvent(), s.click().name(), s.view().name(),
        s.engagedView().name(), s.count().name(), Sql.millis(g.publishedAt().orElse(null)), g.createdAt().toEpochMilli());
  }

  @Override
  public synchronized Optional<AdGroup> adGroup(String id) {
    return adGroups("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized List<AdGroup> adGroups(String advertiserId) {
    return adGroups("WHERE advertiser_id = ? ORDER BY id", advertiserId);
  }

  @Override
  public synchronized void putAd(Ad a) {
    sql.update(Sql.upsert("ads", "id, ad_group_id, campaign_id, advertiser_id, name, landing_domains, created_at", "id"), a.id(), a.adGroupId(), a.campaignId(), a.advertiserId(), a.name(),
        String.join(" ", a.landingDomains()), a.createdAt().toEpochMilli());
  }

  @Override
  public synchronized Optional<Ad> ad(String id) {
    return ads("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized List<Ad> ads(String advertiserId) {
    return ads("WHERE advertiser_id = ? ORDER BY id", advertiserId);
  }

  @Override
  public synchronized void putDelivery(List<DeliveryFact> facts) {
    sql.transaction(db -> {
      try (PreparedStatement insert = db.prepareStatement(Sql.upsert("delivery", DELIVERY_COLUMNS, "ad_id, start_ms"))) {
        for (DeliveryFact f : facts) {
          Sql.bind(insert, f.advertiserId(), f.adId(), f.start().toEpochMilli(), f.end().toEpochMilli(), f.impressions(), f.clicks(),
              f.spend().toPlainString(), f.platformConversions().orElse(null), f.platformValue().map(BigDecimal::toPlainString).orElse(null));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    });
  }

  @Override
  public synchronized List<DeliveryFact> delivery() {
    return sql.query("SELECT " + DELIVERY_COLUMNS + " FROM delivery ORDER BY advertiser_id, ad_id, start_ms", r -> new DeliveryFact(
        r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)), Instant.ofEpochMilli(r.getLong(4)), r.getLong(5), r.getLong(6),
        new BigDecimal(r.getString(7)), optionalLong(r, 8), Optional.ofNullable(r.getString(9)).map(BigDecimal::new)));
  }

  @Override
  public synchronized void close() {
    sql.close();
  }

  private List<Campaign> campaigns(String where, Object... args) {
    return sql.query("SELECT id, advertiser_id, name, objective, created_at FROM campaigns " + where,
        r -> new Campaign(r.getString(1), r.getString(2), r.getString(3), Objective.valueOf(r.getString(4)), Instant.ofEpochMilli(r.getLong(5))), args);
  }

  private List<AdGroup> adGroups(String where, Object... args) {
    return sql.query("SELECT " + GROUP_COLUMNS + " FROM ad_groups " + where, r -> new AdGroup(r.getString(1), r.getString(2), r.getString(3),
        r.getString(4), r.getString(5), r.getString(6),
        new AttributionSettings(AttributionWindow.valueOf(r.getString(7)), AttributionWindow.valueOf(r.getString(8)),
            AttributionWindow.valueOf(r.getString(9)), CountMode.valueOf(r.getString(10))),
        Optional.ofNullable(Sql.instant(r, 11)), Instant.ofEpochMilli(r.getLong(12))), args);
  }

  private List<Ad> ads(String where, Object... args) {
    return sql.query("SELECT id, ad_group_id, campaign_id, advertiser_id, name, landing_domains, created_at FROM ads " + where,
        r -> new Ad(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), domains(r.getString(6)),
            Instant.ofEpochMilli(r.getLong(7))), args);
  }

  private static List<String> domains(String joined) {
    return joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
  }

  private static Optional<Long> optionalLong(ResultSet r, int column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
