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

  @Provide
  Arbitrary<List<Op>> ops() {
    // mostly increasing positions with re-adds and removals, as a conversion index sees them
    Arbitrary<Op> op = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(1, 60).map(s -> new Op(true, s))),
        net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(1, 60).map(s -> new Op(false, s))));
    return op.list().ofMaxSize(200); // up to 60 positions: past SeqSet.SMALL, then back below it
  }
}
