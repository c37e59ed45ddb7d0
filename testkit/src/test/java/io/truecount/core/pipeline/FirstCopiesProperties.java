package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Channel;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.Event;
import io.truecount.core.MatchKeys;
import io.truecount.core.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * The ring of first copies against a naive model: every first copy remembered in a list, a merge
 * finding its first copy among the last {@code limit} remembered unless merged before. Small
 * limits, so the ring fills, wraps, grows and forgets within a run; merges aim at recent,
 * forgotten, already merged and never remembered positions.
 */
class FirstCopiesProperties {
  private static final Instant AT = Instant.parse("2026-03-08T09:00:00Z");

  /**
   * One step: remember the next first copy, or merge a later copy into the first copy remembered
   * {@code back} first copies ago ({@code back} also spaces the positions out).
   */
  record Step(boolean remember, int keyMask, boolean browser, int back, int laterMask) {}

  @Property(tries = 400)
  void merges_count_as_the_naive_model_says(@ForAll("steps") List<Step> steps, @ForAll @IntRange(min = 1, max = 150) int limit) {
    FirstCopies ring = new FirstCopies(limit);
    SourceHealth.NameStats ringStats = new SourceHealth.NameStats("Purchase");
    List<long[]> remembered = new ArrayList<>(); // {seq, flags}
    Set<Long> merged = new HashSet<>();
    long[] modelKeys = new long[6];
    Map<ConnectionMethod, Long> modelMethods = new EnumMap<>(ConnectionMethod.class);
    long seq = 0;
    for (Step step : steps) {
      seq += 1 + step.back() % 3; // increasing, with gaps (other sources' events)
      if (step.remember()) {
        ring.remember(seq, step.keyMask(), step.browser() ? Channel.BROWSER : Channel.SERVER);
        remembered.add(new long[] {seq, step.keyMask(), step.browser() ? 1 : 0});
        continue;
      }
      long target = target(remembered, step.back());
      ring.merge(target, event(step.laterMask()), ringStats);
      int from = Math.max(0, remembered.size() - limit);
      for (long[] first : remembered.subList(from, remembered.size())) {
        if (first[0] == target && merged.add(target)) {
          int added = step.laterMask() & ~(int) first[1];
          for (int k = 0; k < 6; k++) {
            if ((added & 1 << k) != 0) {
              modelKeys[k]++;
            }
          }
          modelMethods.merge(first[2] == 1 ? ConnectionMethod.BROWSER_ONLY : ConnectionMethod.SERVER_ONLY, -1L, Long::sum);
          modelMethods.merge(ConnectionMethod.SERVER_AND_BROWSER, 1L, Long::sum);
        }
      }
    }
    assertThat(ringStats.keyCounts).containsExactly(modelKeys);
    assertThat(ringStats.methods).isEqualTo(modelMethods);
  }

  /** The position {@code back} first copies ago, or one never remembered when there is none. */
  private static long target(List<long[]> remembered, int back) {
    return back < remembered.size() ? remembered.get(remembered.size() - 1 - back)[0] : -1 - back;
  }

  @Property(tries = 100)
  void a_position_read_again_from_earlier_starts_the_ring_over(@ForAll @IntRange(min = 1, max = 40) int limit) {
    FirstCopies ring = new FirstCopies(limit);
    SourceHealth.NameStats stats = new SourceHealth.NameStats("Purchase");
    ring.remember(10, 0, Channel.SERVER);
    ring.remember(5, 0, Channel.BROWSER); // the log read again from an earlier position
    ring.merge(10, event(0b1), stats);
    assertThat(stats.methods).as("forgotten with the ring").isEmpty();
    ring.merge(5, event(0b1), stats);
    assertThat(stats.methods).containsEntry(ConnectionMethod.BROWSER_ONLY, -1L).containsEntry(ConnectionMethod.SERVER_AND_BROWSER, 1L);
    assertThat(stats.keyCounts[0]).isEqualTo(1);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.integers().between(0, 9).map(n -> n < 6),
        Arbitraries.integers().between(0, 63),
        Arbitraries.of(true, false),
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.integers().between(0, 10)),
            Tuple.of(3, Arbitraries.integers().between(0, 300)),
            Tuple.of(1, Arbitraries.integers().between(0, 2000))),
        Arbitraries.integers().between(0, 63))
        .as(Step::new);
    return step.list().ofMaxSize(1500);
  }

  /** A later copy with the keys of {@code mask} ({@code 1 << MatchKey.ordinal()}). */
  private static Event event(int mask) {
    MatchKeys keys = new MatchKeys(
        (mask & 1 << 1) != 0 ? List.of("a".repeat(64)) : List.of(),
        (mask & 1 << 2) != 0 ? List.of("b".repeat(64)) : List.of(),
        (mask & 1 << 3) != 0 ? List.of("c".repeat(64)) : List.of(),
        (mask & 1) != 0 ? "E.C.P.x" : "",
        (mask & 1 << 4) != 0 ? "ttp-1" : "",
        (mask & 1 << 5) != 0 ? "203.0.113.9" : "",
        (mask & 1 << 5) != 0 ? "UA" : "",
        Map.of());
    assertThat(keys.presentMask()).isEqualTo(mask);
    return new Event("C0PIXEL00000000000001", SourceKind.WEB, "Purchase", "order-1", AT, AT, Channel.SERVER, "", keys, "", "", Map.of(), Map.of());
  }
}
