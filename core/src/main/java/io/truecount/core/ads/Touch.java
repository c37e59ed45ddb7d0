package io.truecount.core.ads;

import static java.util.Objects.requireNonNull;

import io.truecount.core.MatchKeys;
import java.time.Instant;

/** A user's contact with an ad (click, engaged view, view) with the user's hashed match keys. */
public record Touch(String touchId, String advertiserId, String adId, TouchKind kind, Instant time, MatchKeys user) {
  public Touch {
    requireNonNull(touchId, "touchId is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(adId, "adId is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(time, "time is null");
    requireNonNull(user, "user is null");
  }
}
