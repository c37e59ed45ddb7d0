-- Truecount on PostgreSQL, version 1: the same tables as the embedded store, typed for PostgreSQL.
-- Times are epoch milliseconds (BIGINT), money is exact text (BigDecimal.toPlainString), hashes only.

CREATE TABLE advertisers (id TEXT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL, currency TEXT NOT NULL, country TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), kind TEXT NOT NULL, name TEXT NOT NULL,
  test_code TEXT NOT NULL, strict_pii INTEGER NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE tokens (id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL UNIQUE, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), source_id TEXT,
  created_at BIGINT NOT NULL, expires_at BIGINT, revoked_at BIGINT, last_used_at BIGINT);
CREATE INDEX tokens_by_advertiser ON tokens (advertiser_id);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE TABLE memberships (user_id TEXT NOT NULL REFERENCES users(id), advertiser_id TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (user_id, advertiser_id));

CREATE TABLE campaigns (id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL, name TEXT NOT NULL, objective TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX campaigns_by_advertiser ON campaigns (advertiser_id);
CREATE TABLE ad_groups (id TEXT PRIMARY KEY, campaign_id TEXT NOT NULL REFERENCES campaigns(id), advertiser_id TEXT NOT NULL, name TEXT NOT NULL,
  source_id TEXT NOT NULL, optimization_event TEXT NOT NULL, click_window TEXT NOT NULL, view_window TEXT NOT NULL,
  engaged_view_window TEXT NOT NULL, count_mode TEXT NOT NULL, published_at BIGINT, created_at BIGINT NOT NULL);
CREATE INDEX ad_groups_by_advertiser ON ad_groups (advertiser_id);
CREATE TABLE ads (id TEXT PRIMARY KEY, ad_group_id TEXT NOT NULL REFERENCES ad_groups(id), campaign_id TEXT NOT NULL, advertiser_id TEXT NOT NULL,
  name TEXT NOT NULL, landing_domains TEXT NOT NULL, created_at BIGINT NOT NULL);
CREATE INDEX ads_by_advertiser ON ads (advertiser_id);
CREATE TABLE delivery (advertiser_id TEXT NOT NULL, ad_id TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL, impressions BIGINT NOT NULL,
  clicks BIGINT NOT NULL, spend TEXT NOT NULL, platform_conversions BIGINT, platform_value TEXT, PRIMARY KEY (ad_id, start_ms));

CREATE TABLE touches (seq BIGSERIAL PRIMARY KEY, touch_id TEXT NOT NULL, advertiser_id TEXT NOT NULL, ad_id TEXT NOT NULL, kind TEXT NOT NULL,
  time_ms BIGINT NOT NULL, emails TEXT NOT NULL, phones TEXT NOT NULL, external_ids TEXT NOT NULL, ttclid TEXT NOT NULL, ttp TEXT NOT NULL,
  ip TEXT NOT NULL, user_agent TEXT NOT NULL);

-- The event log: one row per group commit (compact, length-prefixed batch records), like the embedded log.
-- Appenders on every node serialize on an advisory lock, so sequence numbers become visible in order.
CREATE TABLE log_batches (first_seq BIGINT PRIMARY KEY, count INTEGER NOT NULL, payload BYTEA NOT NULL);
