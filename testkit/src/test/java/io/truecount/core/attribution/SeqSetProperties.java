package io.truecount.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compact set of log positions behaves like a set of Longs under any adds and removes, small or large. */
class SeqSetProperties {
  record Op(boolean add, long seq) {}

  @Property(tries = 500)
  void behaves_like_a_set(@ForAll("ops") List<Op> ops) {
    SeqSet set = new SeqSet();
    TreeSet<Long> model = new TreeSet<>();
    for (Op op : ops) {
      if (op.add()) {
        assertThat(set.add(op.seq())).isEqualTo(model.add(op.seq()));
      } else {
        assertThat(set.remove(op.seq())).isEqualTo(model.remove(op.seq()));
      }
      assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
    }
    List<Long> seen = new ArrayList<>();
    set.forEach(seen::add);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(model);
  }

  enum Kind { NEXT, OLDER, REMOVE }

  record Step(Kind kind, int r) {}

  @Property(tries = 500)
  void behaves_like_a_set_when_positions_mostly_increase(@ForAll("steps") List<Step> steps) {
    SeqSet set = new SeqSet();
    TreeSet<Long> model = new TreeSet<>();
    long high = 0;
    for (Step step : steps) {
      switch (step.kind()) {
        case NEXT -> {
          high += 1 + step.r() % 3;
          assertThat(set.add(high)).isEqualTo(model.add(high));
        }
        case OLDER -> {
          long seq = 1 + step.r() % Math.max(1, high);
          assertThat(set.add(seq)).as("add %d", seq).isEqualTo(model.add(seq));
        }
        case REMOVE -> {
          long seq = 1 + step.r() % Math.max(1, high);
          assertThat(set.remove(seq)).as("remove %d", seq).isEqualTo(model.remove(seq));
        }
      }
      assertThat(set.isEmpty()).isEqualTo(model.isEmpty());
    }
    List<Long> seen = new ArrayList<>();
    set.forEach(seen::add);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(model);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    // appends, then merges re-adding older positions and removals, past the rebuild threshold
    Arbitrary<Step> step = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 1000).map(r -> new Step(Kind.NEXT, r))),
        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 1000).map(r -> new Step(Kind.OLDER, r))),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 1000).map(r -> new Step(Kind.REMOVE, r))));
    return step.list().ofMaxSize(300);
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    // mostly increasing positions with re-adds and removals, as a conversion index sees them
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 60).map(s -> new Op(true, s))),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 60).map(s -> new Op(false, s))));
    return op.list().ofMaxSize(200); // any order: most adds land below the last position
  }
}
