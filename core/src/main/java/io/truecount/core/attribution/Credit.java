package io.truecount.core.attribution;

import static java.util.Objects.requireNonNull;

import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import java.time.Instant;

/** The touch credited with a conversion, where its ad sits, and whether the match was probabilistic (ip + user agent only). */
public record Credit(Touch touch, Placement placement, boolean probabilistic) {
  public Credit {
    requireNonNull(touch, "touch is null");
    requireNonNull(placement, "placement is null");
  }

  public TouchKind kind() {
    return touch.kind();
  }

  public Instant touchTime() {
    return touch.time();
  }
}
