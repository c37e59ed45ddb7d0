package io.truecount.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.MatchKeys;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The key index against a map of sets: after any adds and removals, each key finds exactly the
 * positions indexed under its hash — whether a key holds one position (kept inline), several (a
 * set), went from one to several and back, or shares its hash with other keys (a poor hash).
 */
class ConversionKeyIndexProperties {
  record Op(boolean add, Conversion conversion) {}

  @Property(tries = 500)
  void each_key_finds_the_positions_indexed_under_its_hash(@ForAll("operations") List<Op> ops, @ForAll boolean poorHash) {
    ToLongFunction<MatchIndexKeys.Key> hash = poorHash ? key -> key.value().length() % 3 : MatchIndexKeys.Key::hash64;
    ConversionKeyIndex index = new ConversionKeyIndex(hash);
    Map<Long, Set<Long>> model = new HashMap<>();
    Set<MatchIndexKeys.Key> seen = new HashSet<>();
    for (Op op : ops) {
      Conversion c = op.conversion();
      List<MatchIndexKeys.Key> keys = MatchIndexKeys.of(c.advertiserId(), c.keys());
      seen.addAll(keys);
      if (op.add()) {
        index.add(c.seq(), keys);
        keys.forEach(k -> model.computeIfAbsent(hash.applyAsLong(k), h -> new HashSet<>()).add(c.seq()));
      } else {
        index.remove(c);
        keys.forEach(k -> Optional.ofNullable(model.get(hash.applyAsLong(k))).ifPresent(s -> s.remove(c.seq())));
      }
      for (MatchIndexKeys.Key key : seen) {
        Set<Long> found = new HashSet<>();
        index.forEachSharing(key, found::add);
        assertThat(found).as("%s after %s", key, op).isEqualTo(model.getOrDefault(hash.applyAsLong(key), Set.of()));
      }
    }
  }

  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<MatchKeys> keys = Combinators.combine(
            Arbitraries.of("", "e1", "e2", "e3").list().ofMaxSize(2),
            Arbitraries.of("", "c1", "c2", "c3", "c4"),
            Arbitraries.of("", "t1", "t2"),
            Arbitraries.of("", "10.0.0.1"))
        .as((emails, ttclid, ttp, ip) -> new MatchKeys(emails.stream().filter(e -> !e.isEmpty()).toList(), List.of(), List.of(), ttclid, ttp, ip, "UA", Map.of()));
    Arbitrary<Conversion> conversion = Combinators.combine(Arbitraries.longs().between(1, 12), Arbitraries.of("A1", "A2"), keys)
        .as((seq, advertiser, k) -> new Conversion(seq, advertiser, "S1", "Purchase", "", Instant.EPOCH, Optional.empty(), "", k));
    return Combinators.combine(Arbitraries.frequency(net.jqwik.api.Tuple.of(3, true), net.jqwik.api.Tuple.of(1, false)), conversion)
        .as(Op::new).list().ofMaxSize(80);
  }
}
