package io.truecount.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.testkit.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
  final TestClock clock = new TestClock(Instant.parse("2026-03-08T02:30:00Z"));
  final Sessions sessions = new Sessions(clock, new SecureRandom());

  @Test
  void a_session_lives_while_used_and_ends_after_12_idle_hours() {
    Sessions.Session s = sessions.open("u1");
    assertThat(s.id()).hasSize(43).isNotEqualTo(s.csrf());
    clock.advance(Duration.ofHours(11));
    assertThat(sessions.find(s.id())).isPresent();
    clock.advance(Duration.ofHours(11));
    assertThat(sessions.find(s.id())).as("used 11 h ago").isPresent();
    clock.advance(Duration.ofHours(12));
    assertThat(sessions.find(s.id())).isEmpty();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void a_session_ends_after_7_days_however_busy() {
    Sessions.Session s = sessions.open("u1");
    for (int i = 0; i < 15; i++) {
      clock.advance(Duration.ofHours(12).minusMinutes(1));
      sessions.find(s.id());
    }
    assertThat(sessions.find(s.id())).isEmpty();
  }

  @Test
  void signing_out_everywhere_closes_only_that_users_sessions() {
    Sessions.Session a = sessions.open("u1");
    Sessions.Session b = sessions.open("u1");
    Sessions.Session c = sessions.open("u2");
    sessions.closeAllOf("u1");
    assertThat(sessions.find(a.id())).isEmpty();
    assertThat(sessions.find(b.id())).isEmpty();
    assertThat(sessions.find(c.id())).isPresent();
    assertThat(sessions.find(null)).isEmpty();
  }
}
