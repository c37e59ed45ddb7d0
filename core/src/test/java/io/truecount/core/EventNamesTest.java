package io.truecount.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventNamesTest {
  @Test
  void a_standard_name_becomes_one_shared_constant_and_any_other_name_stays_as_sent() {
    String parsed = new String("Purchase".toCharArray());
    assertThat(EventNames.canonical(parsed)).isEqualTo("Purchase").isSameAs(EventNames.canonical(new String("Purchase".toCharArray())));
    assertThat(EventNames.canonical(new String("LaunchAPP".toCharArray()))).isSameAs(EventNames.canonical("LaunchAPP"));
    assertThat(EventNames.canonical(new String("Pageview".toCharArray()))).isSameAs(EventNames.PAGEVIEW);
    String custom = new String("MyCustomEvent".toCharArray());
    assertThat(EventNames.canonical(custom)).isSameAs(custom);
    assertThat(EventNames.canonical("purchase")).as("names are case-sensitive, as TikTok's").isEqualTo("purchase");
  }
}
