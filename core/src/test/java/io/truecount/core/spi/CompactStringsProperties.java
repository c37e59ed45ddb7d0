package io.truecount.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The compact form's strings against the plain sequence they stand for: the reader must get back
 * exactly the strings written, payload after payload from one writer (whose table is reused),
 * however table strings and strings outside the table ({@link ByteWriter#writeUniqueString}) mix.
 */
class CompactStringsProperties {
  @Property(tries = 500)
  void every_payload_reads_back_as_the_strings_written(@ForAll("payloads") List<List<Tuple.Tuple2<String, Boolean>>> payloads) {
    ByteWriter out = new ByteWriter(64);
    for (List<Tuple.Tuple2<String, Boolean>> strings : payloads) {
      out.reset();
      out.startCompactForm();
      for (Tuple.Tuple2<String, Boolean> s : strings) {
        if (s.get2()) {
          out.writeUniqueString(s.get1());
        } else {
          out.writeString(s.get1());
        }
      }
      ByteReader in = new ByteReader(out.toByteArray());
      in.startCompactForm();
      List<String> read = new ArrayList<>();
      for (int i = 0; i < strings.size(); i++) {
        read.add(in.readString());
      }
      assertThat(read).isEqualTo(strings.stream().map(Tuple.Tuple2::get1).toList());
    }
  }

  @Property(tries = 200)
  void repeats_of_a_few_strings_cost_a_reference_each(@ForAll("few") List<String> strings) {
    ByteWriter out = new ByteWriter(64);
    out.startCompactForm();
    strings.forEach(out::writeString);
    int once = strings.stream().distinct().mapToInt(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 3).sum();
    // each distinct string once in full, every repeat a one- or two-byte reference
    assertThat(out.size()).isLessThanOrEqualTo(once + 2 * strings.size());
  }

  @Provide
  Arbitrary<List<List<Tuple.Tuple2<String, Boolean>>>> payloads() {
    // Two letters and short lengths: many near-identical strings and many repeats, so a reference
    // to the wrong string or a number out of step reads back wrong; plus hash-like strings (the
    // raw-bytes form) and longer text.
    Arbitrary<String> crowded = Arbitraries.strings().withChars('a', 'b').ofMinLength(0).ofMaxLength(9);
    Arbitrary<String> hashes = Arbitraries.strings().withChars("0123456789abcdef").ofLength(64);
    Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\ud7ff').ofMaxLength(40); // no lone surrogates: UTF-8 has no form for them
    Arbitrary<String> strings = Arbitraries.frequencyOf(Tuple.of(6, crowded), Tuple.of(1, hashes), Tuple.of(2, text));
    Arbitrary<Boolean> unique = Arbitraries.integers().between(0, 4).map(n -> n == 0);
    return Combinators.combine(strings, unique).as(Tuple::of).list().ofMaxSize(3000).list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<List<String>> few() {
    return Arbitraries.of("currency", "value", "BRL", "Purchase", "content_id", "Mozilla/5.0 (X11; Linux x86_64)").list().ofMaxSize(500);
  }
}
