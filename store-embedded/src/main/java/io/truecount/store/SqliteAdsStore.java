package io.truecount.store;

import io.truecount.store.jdbc.JdbcAdsStore;
import io.truecount.store.jdbc.Sql;
import java.nio.file.Path;

/** Campaigns, ad groups, ads and delivery facts in their own SQLite file. */
public final class SqliteAdsStore extends JdbcAdsStore {
  public SqliteAdsStore(Path file) {
    super(Sql.single(Sqlite.schema(file,
        "CREATE TABLE IF NOT EXISTS campaigns (id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL, name TEXT NOT NULL, objective TEXT NOT NULL, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS ad_groups (id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns(id), advertiser_id TEXT NOT NULL, name TEXT NOT NULL,"
            + " source_id TEXT NOT NULL, optimization_event TEXT NOT NULL, click_window TEXT NOT NULL, view_window TEXT NOT NULL,"
            + " engaged_view_window TEXT NOT NULL, count_mode TEXT NOT NULL, published_at INTEGER, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS ads (id TEXT PRIMARY KEY, ad_group_id TEXT NOT NULL REFERENCES ad_groups(id), campaign_id TEXT NOT NULL,"
            + " advertiser_id TEXT NOT NULL, name TEXT NOT NULL, landing_domains TEXT NOT NULL, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS delivery (advertiser_id TEXT NOT NULL, ad_id TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,"
            + " impressions INTEGER NOT NULL, clicks INTEGER NOT NULL, spend TEXT NOT NULL, platform_conversions INTEGER, platform_value TEXT,"
            + " PRIMARY KEY (ad_id, start_ms))"), "ads store"));
  }
}
