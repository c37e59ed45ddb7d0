package io.truecount.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.testkit.InMemoryAccounts;
import io.truecount.testkit.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionsTest {
  final TestClock clock = new TestClock(Instant.parse("2026-03-08T02:30:00Z"));
  final InMemoryAccounts accounts = new InMemoryAccounts();
  final Sessions sessions = new Sessions(accounts, clock, new SecureRandom());

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
    assertThat(accounts.session(io.truecount.core.pii.Pii.sha256Hex(s.id()))).as("an expired session found is deleted").isEmpty();
  }

  @Test
  void the_store_holds_only_the_ids_hash_and_another_node_on_it_accepts_the_session() {
    Sessions.Session s = sessions.open("u1");
    assertThat(accounts.session(s.id())).as("the raw id is not a key").isEmpty();
    Sessions otherNode = new Sessions(accounts, clock, new SecureRandom());
    assertThat(otherNode.find(s.id())).map(Sessions.Session::csrf).contains(s.csrf());
    otherNode.close(s.id());
    assertThat(sessions.find(s.id())).as("signed out on the other node").isEmpty();
  }

  @Test
  void a_use_is_written_at_most_once_a_minute_and_the_sweep_deletes_expired_sessions() {
    Sessions.Session s = sessions.open("u1");
    String hash = io.truecount.core.pii.Pii.sha256Hex(s.id());
    clock.advance(Duration.ofSeconds(30));
    sessions.find(s.id());
    assertThat(accounts.session(hash).orElseThrow().lastUsedAt()).isEqualTo(s.lastUsedAt());
    clock.advance(Duration.ofSeconds(30));
    sessions.find(s.id());
    assertThat(accounts.session(hash).orElseThrow().lastUsedAt()).isEqualTo(s.lastUsedAt().plusSeconds(60));
    Sessions.Session idle = sessions.open("u2");
    clock.advance(Duration.ofHours(13));
    assertThat(sessions.sweep()).isEqualTo(2);
    assertThat(accounts.session(io.truecount.core.pii.Pii.sha256Hex(idle.id()))).isEmpty();
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
