package io.truecount.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.core.pipeline.DedupDecision;
import io.truecount.core.pipeline.ProcessedEvent;
import io.truecount.testkit.Events;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each planted traffic problem is found with its kind, and normal traffic raises nothing. */
class AnomalyDetectorTest {
  static final Instant NOW = Instant.parse("2026-11-24T15:10:00Z");
  final AnomalyDetector detector = new AnomalyDetector();
  long seq;

  void feed(Event e, DedupDecision decision) {
    detector.accept(new ProcessedEvent(++seq, e, decision));
  }

  void hourly(String source, String name, int perHour, int hoursBack, int skipLastHours, String url, boolean withValue) {
    for (int h = hoursBack; h > skipLastHours; h--) {
      Instant at = NOW.minusSeconds(3600L * h);
      for (int i = 0; i < perHour; i++) {
        Events b = Events.event(name).source(source).id(name + h + "-" + i).at(at).received(at).ttp("u" + i).email("e".repeat(64)).url(url);
        feed((withValue ? b.value("10", "BRL") : b).build(), new DedupDecision.First());
      }
    }
  }

  List<Anomaly.Kind> kinds(String source) {
    return detector.detect(NOW).stream().filter(a -> a.sourceId().equals(source)).map(Anomaly::kind).toList();
  }

  @Test
  void normal_traffic_raises_nothing() {
    hourly("S0", "Purchase", 8, 15 * 24, 0, "https://shop.example/thank-you", true);
    assertThat(kinds("S0")).isEmpty();
  }

  @Test
  void a_busy_weekday_is_seasonality_not_a_jump() {
    for (int h = 15 * 24; h > 0; h--) {
      Instant at = NOW.minusSeconds(3600L * h);
      int count = at.atZone(java.time.ZoneOffset.UTC).getDayOfWeek() == java.time.DayOfWeek.TUESDAY ? 30 : 10;
      for (int i = 0; i < count; i++) {
        feed(Events.event("AddToCart").source("S6").id("w" + h + "-" + i).at(at).received(at).ttp("u" + i).email("e".repeat(64)).build(), new DedupDecision.First());
      }
    }
    assertThat(kinds("S6")).as("Tuesdays are always busy").isEmpty();
  }

  @Test
  void a_hard_zero_after_normal_activity_is_found_with_when_it_started() {
    hourly("S1", "Purchase", 8, 15 * 24, 3, "https://shop.example/thank-you", true);
    List<Anomaly> found = detector.detect(NOW).stream().filter(a -> a.sourceId().equals("S1")).toList();
    assertThat(found).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.HARD_ZERO);
    assertThat(found.get(0).firstSeen()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    assertThat(found.get(0).evidence()).contains("0 in the hour", "expected 8");
  }

  @Test
  void jumps_drops_wrong_pages_missing_revenue_and_duplicate_spikes_are_found() {
    hourly("S2", "ViewContent", 10, 15 * 24, 1, "https://shop.example/products/1", false);
    hourly("S2", "ViewContent", 40, 1, 0, "https://shop.example/products/1", false);
    assertThat(kinds("S2")).contains(Anomaly.Kind.JUMP);
    hourly("S3", "AddToCart", 10, 15 * 24, 1, "https://shop.example/cart", false);
    hourly("S3", "AddToCart", 2, 1, 0, "https://shop.example/cart", false);
    assertThat(kinds("S3")).contains(Anomaly.Kind.DROP);
    hourly("S4", "Purchase", 6, 15 * 24, 0, "https://shop.example/products/shoe", false);
    assertThat(kinds("S4")).contains(Anomaly.Kind.PURCHASE_ON_WRONG_PAGE, Anomaly.Kind.MISSING_REVENUE);
    hourly("S5", "Purchase", 6, 15 * 24, 0, "https://shop.example/thank-you", true);
    for (int i = 0; i < 60; i++) {
      Instant at = NOW.minusSeconds(1800 + i);
      feed(Events.event("Purchase").source("S5").id("dup" + i).at(at).received(at).value("10", "BRL").build(), new DedupDecision.Dropped(1, "copy"));
    }
    assertThat(kinds("S5")).containsExactly(Anomaly.Kind.DUPLICATE_SPIKE);
  }

  @Test
  void a_campaign_whose_conversions_stop_is_found() {
    var placement = new io.truecount.core.attribution.Placement("ad1", "g1", "C1", "A", "S7", "Purchase", io.truecount.core.ads.AttributionSettings.DEFAULT);
    long n = 0;
    for (int h = 15 * 24; h > 3; h--) {
      Instant at = NOW.minusSeconds(3600L * h);
      for (int i = 0; i < 8; i++) {
        var touch = new io.truecount.core.ads.Touch("t" + n, "A", "ad1", io.truecount.core.ads.TouchKind.CLICK, at, io.truecount.core.MatchKeys.NONE);
        var conversion = new io.truecount.core.attribution.Conversion(++n, "A", "S7", "Purchase", "", at, java.util.Optional.empty(), "", io.truecount.core.MatchKeys.NONE,
            "", at);
        detector.changed(null, new io.truecount.core.attribution.LedgerEntry(conversion, java.util.Optional.of(new io.truecount.core.attribution.Credit(touch, placement, false)), true));
      }
    }
    List<Anomaly> found = detector.detect(NOW).stream().filter(a -> a.campaignId().equals("C1")).toList();
    assertThat(found).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.HARD_ZERO);
    assertThat(found.get(0).evidence()).startsWith("conversions credited to campaign C1");
  }
}
