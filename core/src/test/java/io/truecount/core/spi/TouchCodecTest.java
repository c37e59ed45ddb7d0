package io.truecount.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.MatchKeys;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class TouchCodecTest {
  @Property(tries = 300)
  void every_touch_survives_a_round_trip(@ForAll("touches") List<Touch> touches) {
    assertThat(TouchCodec.decode(TouchCodec.encode(touches))).isEqualTo(touches);
  }

  @Test
  void an_unknown_version_is_refused_not_misread() {
    byte[] payload = TouchCodec.encode(List.of());
    payload[0] = 9;
    assertThatThrownBy(() -> TouchCodec.decode(payload)).hasMessageContaining("version 9");
  }

  @Provide
  Arbitrary<List<Touch>> touches() {
    Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("", "E.C.P.x", "ö-€-日本-🙂"), Arbitraries.strings().ofMaxLength(80));
    Arbitrary<MatchKeys> keys = Combinators.combine(text.list().ofMaxSize(2), text.list().ofMaxSize(2), text.list().ofMaxSize(2), text, text, text, text,
        Arbitraries.maps(Arbitraries.of("zip", "country"), text).ofMaxSize(2)).as(MatchKeys::new);
    Arbitrary<Instant> time = Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
    return Combinators.combine(text, Arbitraries.of("7001", "7002"), text, Arbitraries.of(TouchKind.values()), time, keys).as(Touch::new).list().ofMaxSize(20);
  }
}
