package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/** An ad, with the landing domains the click redirect may send users to. */
public record Ad(String id, String adGroupId, String campaignId, String advertiserId, String name, List<String> landingDomains, Instant createdAt) {
  public Ad {
    requireNonNull(id, "id is null");
    requireNonNull(adGroupId, "adGroupId is null");
    requireNonNull(campaignId, "campaignId is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(name, "name is null");
    landingDomains = List.copyOf(requireNonNull(landingDomains, "landingDomains is null"));
    requireNonNull(createdAt, "createdAt is null");
  }
}
