package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.truecount.core.Event;
import io.truecount.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The share of a day still to arrive, against a naive model that counts, for the actual delays,
 * which events of the day (one a minute) would have arrived by now.
 */
class ArrivalDelaysTest {
  static final Instant DAY = Instant.parse("2026-11-30T03:00:00Z"); // midnight in São Paulo

  @Property(tries = 60)
  void the_estimate_follows_the_actual_delays(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60 * 60) int minutesAfterTheDay) {
    Random random = new Random(seed);
    ArrivalDelays delays = new ArrivalDelays();
    List<Long> actual = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int b = random.nextInt(ArrivalDelays.BOUNDS.length);
      long lower = b == 0 ? 0 : ArrivalDelays.BOUNDS[b - 1];
      long delay = lower + 1 + (long) (random.nextDouble() * (ArrivalDelays.BOUNDS[b] - lower - 1)); // spread within its bucket
      actual.add(delay);
      Instant received = DAY.minusSeconds(86_400).plusSeconds(random.nextInt(86_400));
      delays.accept(live(received.minusSeconds(delay), received, new DedupDecision.First()));
    }
    Instant now = DAY.plusSeconds(86_400 + 60L * minutesAfterTheDay);
    double naive = naive(actual, DAY, DAY.plusSeconds(86_400), now);
    ArrivalDelays.Estimate estimate = delays.stillToArrive(Set.of("S1"), DAY, DAY.plusSeconds(86_400), now).orElseThrow();
    assertThat(estimate.stillToArrive()).isCloseTo(naive, within(0.02));
    assertThat(estimate.basedOnEvents()).isEqualTo(2_000);
  }

  @Test
  void a_day_in_progress_counts_only_its_past_and_nothing_is_missing_when_everything_arrives_at_once() {
    ArrivalDelays delays = new ArrivalDelays();
    for (int i = 0; i < 200; i++) {
      delays.accept(live(DAY.plusSeconds(i), DAY.plusSeconds(i), new DedupDecision.First()));
    }
    Instant noon = DAY.plusSeconds(43_200);
    assertThat(delays.stillToArrive(Set.of("S1"), DAY, DAY.plusSeconds(86_400), noon).orElseThrow().stillToArrive()).isZero();
    assertThat(delays.stillToArrive(Set.of("S1"), noon, DAY.plusSeconds(86_400), noon).orElseThrow().stillToArrive())
        .as("a period not begun yet").isZero();
    assertThat(delays.stillToArrive(Set.of("S1"), DAY, DAY.plusSeconds(86_400), noon).orElseThrow().withinOneHour()).isEqualTo(1.0);
  }

  @Test
  void two_day_delays_leave_yesterday_almost_all_to_come() {
    ArrivalDelays delays = new ArrivalDelays();
    for (int i = 0; i < 200; i++) {
      Instant received = DAY.plusSeconds(i);
      delays.accept(live(received.minusSeconds(2 * 86_400), received, new DedupDecision.First()));
    }
    double share = delays.stillToArrive(Set.of("S1"), DAY.minusSeconds(86_400), DAY, DAY.plusSeconds(3_600)).orElseThrow().stillToArrive();
    assertThat(share).isGreaterThan(0.95);
  }

  @Test
  void copies_page_views_other_sources_and_days_out_of_the_window_do_not_count() {
    ArrivalDelays delays = new ArrivalDelays();
    for (int i = 0; i < 150; i++) {
      delays.accept(live(DAY.minusSeconds(3_600), DAY, new DedupDecision.Dropped(1, "same channel")));
      delays.accept(live(DAY.minusSeconds(3_600), DAY, new DedupDecision.Merged(1)));
      delays.accept(new ProcessedEvent(i, Events.event("Pageview").source("S1").at(DAY).received(DAY).build(), new DedupDecision.First()));
      delays.accept(live(DAY.minusSeconds(60), DAY.minusSeconds(40L * 86_400), new DedupDecision.First()));
    }
    assertThat(delays.stillToArrive(Set.of("S1"), DAY, DAY.plusSeconds(86_400), DAY).orElseThrow().basedOnEvents())
        .as("copies and page views left out").isEqualTo(150);
    for (int i = 0; i < 150; i++) {
      delays.accept(live(DAY, DAY, new DedupDecision.NoEventId()));
    }
    // the events received 40 days before the latest receipt have left the window
    assertThat(delays.stillToArrive(Set.of("S1"), DAY, DAY.plusSeconds(86_400), DAY).orElseThrow().basedOnEvents()).isEqualTo(150);
    assertThat(delays.stillToArrive(Set.of("S2"), DAY, DAY.plusSeconds(86_400), DAY)).as("another source: no history").isEmpty();
  }

  private static ProcessedEvent live(Instant eventTime, Instant received, DedupDecision decision) {
    Event e = Events.event("Purchase").source("S1").at(eventTime).received(received).build();
    return new ProcessedEvent(1, e, decision);
  }

  /** For one event a minute over the day (before now), the share whose actual delay makes it arrive after now. */
  private static double naive(List<Long> delays, Instant from, Instant to, Instant now) {
    long late = 0;
    long all = 0;
    for (long t = from.getEpochSecond() + 30; t < Math.min(to.getEpochSecond(), now.getEpochSecond()); t += 60) {
      for (long d : delays) {
        all++;
        if (t + d > now.getEpochSecond()) {
          late++;
        }
      }
    }
    return (double) late / all;
  }
}
