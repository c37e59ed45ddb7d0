package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class SmallMapTest {
  /** One operation on a map: what it does to both maps, and its result to compare. */
  private record Op(String kind, String key, Integer value) {
    Object apply(Map<String, Integer> map) {
      return switch (kind) {
        case "put" -> map.put(key, value);
        case "get" -> map.get(key);
        case "has" -> map.containsKey(key);
        case "remove" -> map.remove(key);
        case "putIfAbsent" -> map.putIfAbsent(key, value);
        case "iteratorRemove" -> removeWhileIterating(map);
        case "setValue" -> setEachValue(map);
        case "forEach" -> {
          List<String> seen = new ArrayList<>();
          map.forEach((k, v) -> seen.add(k + "=" + v));
          yield seen;
        }
        case "clear" -> {
          map.clear();
          yield null;
        }
        default -> throw new IllegalArgumentException(kind);
      };
    }

    /** Removes every entry whose value is below this op's (often neighbours), through the entry iterator. */
    private Object removeWhileIterating(Map<String, Integer> map) {
      int removed = 0;
      for (Iterator<Map.Entry<String, Integer>> it = map.entrySet().iterator(); it.hasNext(); ) {
        Integer v = it.next().getValue();
        if (v == null || value == null || v < value) {
          it.remove();
          removed++;
        }
      }
      return removed;
    }

    private Object setEachValue(Map<String, Integer> map) {
      map.entrySet().forEach(e -> e.setValue(value));
      return null;
    }
  }

  @Property(tries = 1000)
  void behaves_like_a_linked_hash_map_below_and_above_the_linear_limit(@ForAll("operations") List<Op> operations, @ForAll("capacities") int capacity) {
    Map<String, Integer> small = new SmallMap<>(capacity);
    Map<String, Integer> model = new LinkedHashMap<>();
    for (Op op : operations) {
      assertThat(op.apply(small)).as(op.toString()).isEqualTo(op.apply(model));
      assertThat(small.size()).isEqualTo(model.size());
      assertThat(new ArrayList<>(small.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
    }
    assertThat(small).isEqualTo(model);
    assertThat(small.hashCode()).isEqualTo(model.hashCode());
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    // Up to 46 distinct keys, so maps cross SmallMap.LINEAR_MAX (16) and shrink back; some keys
    // equal but not identical to the interned ones; six keys with one hash code ("Aa" and "BB"
    // collide), so a lookup that trusted the hash alone would fail.
    Arbitrary<String> numbered = Arbitraries.integers().between(0, 39).map(i -> i % 7 == 0 ? new String("f" + i) : ("f" + i).intern());
    Arbitrary<String> colliding = Arbitraries.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa").map(k -> k.length() == 2 ? new String(k) : k);
    Arbitrary<String> keys = Arbitraries.frequencyOf(Tuple.of(4, numbered), Tuple.of(1, colliding));
    Arbitrary<String> kinds = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just("put")), Tuple.of(4, Arbitraries.just("get")), Tuple.of(2, Arbitraries.just("has")),
        Tuple.of(3, Arbitraries.just("remove")), Tuple.of(1, Arbitraries.just("putIfAbsent")), Tuple.of(1, Arbitraries.just("iteratorRemove")),
        Tuple.of(1, Arbitraries.just("setValue")), Tuple.of(1, Arbitraries.just("clear")), Tuple.of(2, Arbitraries.just("forEach")));
    Arbitrary<Integer> values = Arbitraries.integers().between(0, 9).injectNull(0.05);
    return Combinators.combine(kinds, keys, values).as(Op::new).list().ofMaxSize(120);
  }

  @Provide
  Arbitrary<Integer> capacities() {
    return Arbitraries.integers().between(0, 40);
  }

  @Example
  void a_frozen_map_refuses_every_change_small_or_large() {
    for (int keys : new int[] {3, 40}) {
      SmallMap<Integer> map = new SmallMap<>();
      for (int i = 0; i < keys; i++) {
        map.put("k" + i, i);
      }
      Map<String, Integer> frozen = map.freeze();
      assertThatThrownBy(() -> frozen.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> frozen.remove("k1")).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(frozen::clear).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(7)).isInstanceOf(UnsupportedOperationException.class);
      Iterator<Map.Entry<String, Integer>> it = frozen.entrySet().iterator();
      it.next();
      assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
      assertThat(frozen).hasSize(keys).containsEntry("k1", 1);
    }
  }
}
