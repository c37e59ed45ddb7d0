package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Delivery of one ad over one period (a day or an hour in the advertiser's zone, as
 * [start, end)): impressions, clicks, spend, and what the platform itself reported as
 * conversions and value (kept for the trust layer's comparison).
 */
public record DeliveryFact(
    String advertiserId,
    String adId,
    Instant start,
    Instant end,
    long impressions,
    long clicks,
    BigDecimal spend,
    Optional<Long> platformConversions,
    Optional<BigDecimal> platformValue) {
  public DeliveryFact {
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(adId, "adId is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(spend, "spend is null");
    requireNonNull(platformConversions, "platformConversions is null");
    requireNonNull(platformValue, "platformValue is null");
  }
}
