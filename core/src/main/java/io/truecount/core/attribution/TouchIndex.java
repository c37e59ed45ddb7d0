package io.truecount.core.attribution;

import io.truecount.core.ads.Touch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every touch by id and by match key. The same touch id again keeps the earliest copy (a click's
 * time is its first landing), whatever the arrival order; ties break on the touch's other fields
 * so the choice never depends on that order.
 */
final class TouchIndex {
  private static final Comparator<Touch> TOUCH_ORDER = Comparator.comparing(Touch::time)
      .thenComparing(t -> String.join("|", t.adId(), t.kind().name(), t.user().ttclid(), t.user().ttp(), String.join(",", t.user().emails()),
          String.join(",", t.user().phones()), String.join(",", t.user().externalIds()), t.user().ip(), t.user().userAgent()));

  private final Map<MatchIndexKeys.Key, List<Touch>> byKey = new HashMap<>();
  private final Map<String, Touch> byId = new HashMap<>();

  /** Whether {@code t} is kept: no touch with its id yet, or it comes before the one kept. */
  boolean keeps(Touch t) {
    Touch existing = byId.get(t.touchId());
    return existing == null || TOUCH_ORDER.compare(t, existing) < 0;
  }

  /** Stores {@code t} (see {@link #keeps}); returns the copy with its id it replaced. */
  Optional<Touch> put(Touch t) {
    Touch existing = byId.put(t.touchId(), t);
    if (existing != null) {
      for (MatchIndexKeys.Key key : MatchIndexKeys.of(existing.advertiserId(), existing.user())) {
        List<Touch> list = byKey.get(key);
        list.remove(existing);
        if (list.isEmpty()) {
          byKey.remove(key);
        }
      }
    }
    for (MatchIndexKeys.Key key : MatchIndexKeys.of(t.advertiserId(), t.user())) {
      byKey.computeIfAbsent(key, k -> new ArrayList<>(2)).add(t);
    }
    return Optional.ofNullable(existing);
  }

  /** The touches that have {@code key}. */
  List<Touch> sharing(MatchIndexKeys.Key key) {
    return byKey.getOrDefault(key, List.of());
  }

  /**
   * The conversions sharing a key with a touch (of the advertiser, or of any for {@code null}),
   * ascending: the only ones a change of ads or settings can re-derive, since a conversion no
   * touch shares a key with is unattributed under any settings.
   */
  long[] reachable(String advertiserId, ConversionKeyIndex conversions) {
    com.carrotsearch.hppc.LongHashSet seqs = new com.carrotsearch.hppc.LongHashSet();
    for (Touch t : byId.values()) {
      if (advertiserId == null || t.advertiserId().equals(advertiserId)) {
        for (MatchIndexKeys.Key key : MatchIndexKeys.of(t.advertiserId(), t.user())) {
          conversions.forEachSharing(key, seqs::add);
        }
      }
    }
    long[] out = seqs.toArray();
    java.util.Arrays.sort(out);
    return out;
  }

  Collection<Touch> all() {
    return byId.values();
  }

  int size() {
    return byId.size();
  }
}
