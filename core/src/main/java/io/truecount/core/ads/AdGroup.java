package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An ad group: the event source its conversions come from, the optimization event ("conversion"
 * in reports), and attribution settings that freeze at {@code publishedAt}.
 */
public record AdGroup(
    String id,
    String campaignId,
    String advertiserId,
    String name,
    String sourceId,
    String optimizationEvent,
    AttributionSettings settings,
    Optional<Instant> publishedAt,
    Instant createdAt) {
  public AdGroup {
    requireNonNull(id, "id is null");
    requireNonNull(campaignId, "campaignId is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(name, "name is null");
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(optimizationEvent, "optimizationEvent is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(publishedAt, "publishedAt is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public boolean published() {
    return publishedAt.isPresent();
  }
}
