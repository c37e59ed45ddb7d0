package io.truecount.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final TestClock clock = new TestClock(Instant.parse("2026-11-01T05:30:00Z"));
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void five_failures_in_15_minutes_block_until_the_oldest_ages_out() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.blocked("login:ana")).isEmpty();
      throttle.failed("login:ana");
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(throttle.blocked("login:ana")).contains(Duration.ofMinutes(10));
    assertThat(throttle.blocked("login:bob")).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(throttle.blocked("login:ana")).as("the first failure is 15 minutes old").isEmpty();
  }

  @Test
  void a_success_clears_the_failures() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("login:ana");
    }
    throttle.succeeded("login:ana");
    throttle.failed("login:ana");
    assertThat(throttle.blocked("login:ana")).isEmpty();
  }
}
