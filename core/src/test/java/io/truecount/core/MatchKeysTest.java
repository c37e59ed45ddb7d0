package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchKeysTest {
  @Test
  void the_mask_and_the_weight_say_what_the_list_of_present_keys_says_for_every_combination() {
    for (int combination = 0; combination < 1 << 7; combination++) {
      MatchKeys keys = new MatchKeys(
          has(combination, 0) ? List.of("e".repeat(64)) : List.of(),
          has(combination, 1) ? List.of("p".repeat(64)) : List.of(),
          has(combination, 2) ? List.of("x".repeat(64)) : List.of(),
          has(combination, 3) ? "E.C.P.1" : "",
          has(combination, 4) ? "ttp-1" : "",
          has(combination, 5) ? "203.0.113.9" : "",
          has(combination, 6) ? "UA" : "",
          Map.of());
      List<MatchKey> present = keys.present();
      int mask = 0;
      double weight = 0;
      for (MatchKey key : present) {
        mask |= 1 << key.ordinal();
        weight += key.weight();
      }
      assertThat(keys.presentMask()).as("combination %d", combination).isEqualTo(mask);
      assertThat(keys.presentWeight()).as("combination %d", combination).isEqualTo(weight);
      // ip alone or the user agent alone is not the ip + user agent key
      assertThat(present.contains(MatchKey.IP_AND_USER_AGENT)).isEqualTo(has(combination, 5) && has(combination, 6));
    }
  }

  private static boolean has(int combination, int bit) {
    return (combination & 1 << bit) != 0;
  }
}
