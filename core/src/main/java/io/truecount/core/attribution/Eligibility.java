package io.truecount.core.attribution;

import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The eligibility rule of docs/attribution.md in one place, with its reasons in words. */
final class Eligibility {
  private Eligibility() {}

  /** The rule itself, allocation-free for the hot path; {@link #whyNot} says the same in words. */
  static boolean eligible(Conversion c, Touch t, Placement p) {
    long gap = c.time().toEpochMilli() - t.time().toEpochMilli();
    return gap >= 0 && gap < p.settings().window(t.kind()).millis()
        && p.sourceId().equals(c.sourceId()) && p.advertiserId().equals(c.advertiserId());
  }

  /**
   * Empty when the touch may credit the conversion; else why not, in words an advertiser reads.
   * {@code sharedKeys} are the key types the two share (empty: not checked here).
   */
  static String whyNot(Conversion c, Touch t, Optional<Placement> placement, List<String> sharedKeys, boolean ipUserAgentAllowed) {
    if (placement.isEmpty()) {
      return "ad " + t.adId() + " is unknown";
    }
    Placement p = placement.get();
    if (!sharedKeys.isEmpty() && sharedKeys.stream().allMatch(MatchIndexKeys.IP_UA::equals) && !ipUserAgentAllowed) {
      return "matched only by ip + user agent, which this advertiser turned off";
    }
    if (!p.advertiserId().equals(c.advertiserId())) {
      return "ad " + t.adId() + " belongs to another advertiser";
    }
    if (!p.sourceId().equals(c.sourceId())) {
      return "ad group " + p.adGroupId() + " takes events from source " + p.sourceId() + ", not " + c.sourceId();
    }
    Duration window = p.settings().length(t.kind());
    if (window.isZero()) {
      return t.kind().wireName() + " attribution is OFF in ad group " + p.adGroupId();
    }
    Duration gap = Duration.between(t.time(), c.time());
    if (gap.isNegative()) {
      return "the " + t.kind().wireName() + " came " + human(gap.negated()) + " after the conversion";
    }
    if (gap.compareTo(window) >= 0) {
      return "the conversion came " + human(gap) + " after the " + t.kind().wireName() + "; the " + t.kind().wireName()
          + " window of ad group " + p.adGroupId() + " is " + p.settings().window(t.kind()) + " (" + window.toDays() + " days)";
    }
    return "";
  }

  private static String human(Duration d) {
    if (d.toDays() >= 1) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    return d.toHours() >= 1 ? d.toHours() + " h " + d.toMinutesPart() + " min" : d.toMinutes() + " min " + d.toSecondsPart() + " s";
  }

  /** Why the credited touch won. */
  static String whyWinner(Credit c) {
    String kind = c.kind() == TouchKind.CLICK ? "the latest eligible click"
        : c.kind() == TouchKind.ENGAGED_VIEW ? "the latest eligible engaged view (no eligible click)" : "the latest eligible view (no eligible click or engaged view)";
    return kind + (c.probabilistic() ? "; matched by ip + user agent only (probabilistic)" : "");
  }
}
