package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.EventNames;
import io.truecount.testkit.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Dedup against a deliberately naive reference model (a HashMap of exact keys). */
class DedupProperties {
  private static final Instant START = Instant.parse("2026-10-31T23:00:00Z");

  record Step(int source, int name, int id, long gapSeconds, boolean browser) {}

  @Property(tries = 300)
  void decisions_equal_the_reference_model(@ForAll("streams") List<Step> steps) {
    Dedup dedup = new Dedup(4);
    Model model = new Model();
    long seq = 0;
    Instant at = START;
    for (Step step : steps) {
      seq++;
      at = at.plusSeconds(step.gapSeconds());
      Event event = event(step, at);
      DedupDecision actual = dedup.decide(seq, event);
      DedupDecision expected = model.decide(seq, event);
      assertThat(actual).as("event #%d %s", seq, step).isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void every_key_is_counted_at_most_once_per_48_hours(@ForAll("streams") List<Step> steps) {
    Dedup dedup = new Dedup(4);
    Map<String, List<Instant>> counted = new HashMap<>();
    Instant at = START;
    long seq = 0;
    for (Step step : steps) {
      at = at.plusSeconds(step.gapSeconds());
      Event event = event(step, at);
      if (dedup.decide(++seq, event).outcome() == DedupDecision.Outcome.FIRST) {
        counted.computeIfAbsent(key(event), k -> new ArrayList<>()).add(at);
      }
    }
    counted.values().forEach(times -> {
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i).getEpochSecond() - times.get(i - 1).getEpochSecond()).isGreaterThanOrEqualTo(48 * 3600);
      }
    });
  }

  @Provide
  Arbitrary<List<Step>> streams() {
    Arbitrary<Long> gaps = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 400)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of(0L, 1L, 299L, 300L, 301L, 172_799L, 172_800L, 172_801L)),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(0, 3 * 3600)),
        net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(40 * 3600, 50 * 3600)));
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 3),
            Arbitraries.integers().between(0, 3), gaps, Arbitraries.of(true, false))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(300);
  }

  private static final String[] NAMES = {"Purchase", "CompletePayment", "AddToCart", "Lead"};

  private static Event event(Step step, Instant at) {
    return Events.event(NAMES[step.name()])
        .source("SRC" + step.source())
        .id(step.id() == 0 ? "" : "order-" + step.id())
        .at(at)
        .channel(step.browser() ? Channel.BROWSER : Channel.SERVER)
        .build();
  }

  private static String key(Event e) {
    return e.sourceId() + "|" + EventNames.reportedName(e.event()) + "|" + e.eventId();
  }

  /** The rules of spec §5 written the obvious way. */
  private static final class Model {
    private final Map<String, long[]> first = new HashMap<>();
    private final Map<String, List<Channel>> channels = new HashMap<>();

    DedupDecision decide(long seq, Event e) {
      if (e.eventId().isEmpty()) {
        return new DedupDecision.NoEventId();
      }
      String key = key(e);
      long now = e.receivedAt().getEpochSecond();
      long[] seen = first.get(key);
      if (seen == null || now - seen[1] >= 48 * 3600) {
        first.put(key, new long[] {seq, now});
        channels.put(key, new ArrayList<>(List.of(e.channel())));
        return new DedupDecision.First();
      }
      List<Channel> seenChannels = channels.get(key);
      if (seenChannels.contains(e.channel())) {
        return new DedupDecision.Dropped(seen[0], "same channel (" + (e.channel() == Channel.BROWSER ? "browser" : "server") + ") as event #" + seen[0]);
      }
      if (now - seen[1] > 300) {
        return new DedupDecision.Dropped(seen[0], "other channel " + (now - seen[1]) + " s after event #" + seen[0] + " (merge window 300 s)");
      }
      seenChannels.add(e.channel());
      return new DedupDecision.Merged(seen[0]);
    }
  }
}
