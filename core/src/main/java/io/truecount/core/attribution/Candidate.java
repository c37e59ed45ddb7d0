package io.truecount.core.attribution;

import io.truecount.core.ads.Touch;
import java.util.List;
import java.util.Optional;

/** A touch sharing a match key with a conversion, whether it was eligible, and why (not). */
public record Candidate(Touch touch, Optional<Placement> placement, List<String> sharedKeys, boolean eligible, String reason) {}
