package io.truecount.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.nio.charset.StandardCharsets;
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

class FieldMapTest {
  /** One operation on a map: what it does to both maps, and its result to compare. */
  private record Op(String kind, String name, int value) {
    Object apply(Map<String, JsonNode> map) {
      return switch (kind) {
        case "put" -> map.put(name, IntNode.valueOf(value));
        case "get" -> map.get(name);
        case "has" -> map.containsKey(name);
        case "remove" -> map.remove(name);
        case "putIfAbsent" -> map.putIfAbsent(name, IntNode.valueOf(value));
        case "iteratorRemove" -> removeWhileIterating(map);
        case "setValue" -> setEachValue(map);
        case "clear" -> {
          map.clear();
          yield null;
        }
        default -> throw new IllegalArgumentException(kind);
      };
    }

    /** Removes every field whose value is below this op's, through the entry iterator (often neighbours). */
    private Object removeWhileIterating(Map<String, JsonNode> map) {
      int removed = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator(); it.hasNext(); ) {
        if (it.next().getValue().intValue() < value) {
          it.remove();
          removed++;
        }
      }
      return removed;
    }

    private Object setEachValue(Map<String, JsonNode> map) {
      map.entrySet().forEach(e -> e.setValue(IntNode.valueOf(value)));
      return null;
    }
  }

  @Property(tries = 1000)
  void behaves_like_a_linked_hash_map_below_and_above_the_linear_limit(@ForAll("operations") List<Op> operations) {
    Map<String, JsonNode> fields = new FieldMap();
    Map<String, JsonNode> model = new LinkedHashMap<>();
    for (Op op : operations) {
      assertThat(op.apply(fields)).as(op.toString()).isEqualTo(op.apply(model));
      assertThat(fields.size()).isEqualTo(model.size());
      assertThat(new ArrayList<>(fields.entrySet())).isEqualTo(new ArrayList<>(model.entrySet()));
    }
    assertThat(fields).isEqualTo(model);
    assertThat(fields.hashCode()).isEqualTo(model.hashCode());
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    // Up to 40 distinct names, so maps cross FieldMap.LINEAR_MAX (16) and shrink back.
    Arbitrary<String> names = Arbitraries.integers().between(0, 39).map(i -> i % 7 == 0 ? new String("f" + i) : ("f" + i).intern());
    Arbitrary<String> kinds = Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just("put")), Tuple.of(4, Arbitraries.just("get")),
        Tuple.of(2, Arbitraries.just("has")), Tuple.of(3, Arbitraries.just("remove")),
        Tuple.of(1, Arbitraries.just("putIfAbsent")), Tuple.of(1, Arbitraries.just("iteratorRemove")),
        Tuple.of(1, Arbitraries.just("setValue")), Tuple.of(1, Arbitraries.just("clear")));
    return Combinators.combine(kinds, names, Arbitraries.integers().between(0, 9)).as(Op::new).list().ofMaxSize(120);
  }

  @Example
  void the_parser_builds_objects_on_it_and_keeps_field_order_and_the_last_duplicate() throws WireException {
    JsonNode node = Json.parse("{\"b\":1,\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(node.get("b").intValue()).isEqualTo(3);
    assertThat(node.toString()).isEqualTo("{\"b\":3,\"a\":2}");
  }

  @Example
  void an_object_of_many_fields_parses_whole_and_in_order() throws WireException {
    StringBuilder json = new StringBuilder("{");
    int fields = 100_000;
    for (int i = 0; i < fields; i++) {
      json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
    }
    JsonNode node = Json.parse(json.append('}').toString().getBytes(StandardCharsets.UTF_8));
    assertThat(node.size()).isEqualTo(fields);
    assertThat(node.get("k99999").intValue()).isEqualTo(99_999);
    assertThat(node.fieldNames().next()).isEqualTo("k0");
  }
}
