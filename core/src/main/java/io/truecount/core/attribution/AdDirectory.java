package io.truecount.core.attribution;

import java.util.Optional;

/** Looks up an ad's placement (ad group, campaign, source, settings). */
public interface AdDirectory {
  Optional<Placement> placement(String adId);

  /** Whether ip + user agent may match a touch to a conversion for this advertiser (probabilistic). */
  default boolean ipUserAgentMatching(String advertiserId) {
    return true;
  }
}
