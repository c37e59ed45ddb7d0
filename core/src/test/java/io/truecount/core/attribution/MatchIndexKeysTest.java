package io.truecount.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.pii.Pii;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchIndexKeysTest {
  @Test
  void realistic_keys_do_not_collide_and_string_boundaries_count() {
    Set<Long> hashes = new HashSet<>();
    int keys = 0;
    for (int i = 0; i < 200_000; i++) {
      String advertiser = "71000000000000" + (i % 7);
      hashes.add(new MatchIndexKeys.Key(advertiser, "email", Pii.sha256Hex("user" + i + "@example.com")).hash64());
      hashes.add(new MatchIndexKeys.Key(advertiser, "ttp", "ttp-" + i).hash64());
      hashes.add(new MatchIndexKeys.Key(advertiser, "ttclid", "E.C.P." + i).hash64());
      hashes.add(new MatchIndexKeys.Key(advertiser, MatchIndexKeys.IP_UA, "203.0." + i / 256 % 256 + "." + i % 256 + "\u0001Mozilla/5.0").hash64());
      keys += 4;
    }
    assertThat(hashes).hasSize(keys);
    assertThat(new MatchIndexKeys.Key("a", "bc", "d").hash64()).isNotEqualTo(new MatchIndexKeys.Key("ab", "c", "d").hash64());
    assertThat(new MatchIndexKeys.Key("1", "ttp", "abcd").hash64()).isNotEqualTo(new MatchIndexKeys.Key("1", "ttp", "abcd\u0000").hash64());
    assertThat(new MatchIndexKeys.Key("1", "ttp", "x").hash64()).isNotEqualTo(new MatchIndexKeys.Key("2", "ttp", "x").hash64());
  }
}
