package io.truecount.core.trust;

import java.time.Instant;

/**
 * Something wrong with a source's traffic or a campaign's conversions: what, since when, the
 * evidence, the probable cause and the fix. {@code campaignId} is empty for source anomalies.
 */
public record Anomaly(String id, Kind kind, String sourceId, String campaignId, String event, Instant firstSeen, String evidence, String probableCause,
    String fix) {
  public enum Kind {
    HARD_ZERO,
    JUMP,
    DROP,
    MISSING_REVENUE,
    PURCHASE_ON_WRONG_PAGE,
    DUPLICATE_SPIKE,
    MATCH_QUALITY_DROP,
    EVENT_TIME_SKEW,
    TEST_CODE_ON_LIVE_TRAFFIC,
    UNREGISTERED_DOMAIN,
    TOKEN_NEAR_EXPIRY,
    TOKEN_FAILING
  }
}
