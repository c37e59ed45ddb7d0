package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.Role;
import io.truecount.core.StoredSession;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Accounts} adapter must do. */
public abstract class AccountsContract {
  @TempDir protected Path dir;

  protected abstract Accounts open(Path dir);

  private static final Instant T = Instant.parse("2026-10-25T03:00:00Z");

  @Test
  void stores_users_with_their_memberships_and_replaces_them() {
    User ana = new User("u1", "ana", "$argon2id$hash", Map.of("7001", Role.ANALYST), T);
    try (Accounts accounts = open(dir)) {
      accounts.put(ana);
      accounts.put(ana.withMembership("7002", Role.ADMIN).withoutMembership("7001"));
      User stored = accounts.byLogin("ana").orElseThrow();
      assertThat(stored.memberships()).containsExactly(Map.entry("7002", Role.ADMIN));
      assertThat(stored.roleFor("7001")).isEmpty();
      assertThat(accounts.user("u1")).contains(stored);
      assertThat(accounts.users()).containsExactly(stored);
      assertThat(accounts.byLogin("bob")).isEmpty();
    }
    try (Accounts reopened = open(dir)) {
      assertThat(reopened.user("u1").orElseThrow().passwordHash()).isEqualTo("$argon2id$hash");
    }
  }

  @Test
  void all_advertisers_membership_covers_every_advertiser_but_own_membership_wins() {
    User owner = new User("u1", "owner", "h", Map.of(User.ALL_ADVERTISERS, Role.ADMIN, "7003", Role.ANALYST), T);
    try (Accounts accounts = open(dir)) {
      accounts.put(owner);
      User stored = accounts.user("u1").orElseThrow();
      assertThat(stored.roleFor("anything")).contains(Role.ADMIN);
      assertThat(stored.roleFor("7003")).contains(Role.ANALYST);
      assertThat(stored.seesAllAdvertisers()).isTrue();
    }
  }

  @Test
  void a_login_belongs_to_one_user() {
    try (Accounts accounts = open(dir)) {
      accounts.put(new User("u1", "ana", "h", Map.of(), T));
      assertThatThrownBy(() -> accounts.put(new User("u2", "ana", "h", Map.of(), T))).isInstanceOf(RuntimeException.class);
      assertThat(accounts.users()).extracting(User::id).containsExactly("u1");
    }
  }

  @Test
  void sessions_are_stored_touched_forgotten_and_survive_a_reopen() {
    StoredSession a = new StoredSession("h-a", "u1", "csrf-a", T, T);
    StoredSession b = new StoredSession("h-b", "u1", "csrf-b", T, T.plusSeconds(60));
    StoredSession c = new StoredSession("h-c", "u2", "csrf-c", T, T);
    try (Accounts accounts = open(dir)) {
      accounts.putSession(a);
      accounts.putSession(b);
      accounts.putSession(c);
      assertThat(accounts.session("h-a")).contains(a);
      assertThat(accounts.session("h-none")).isEmpty();
      accounts.touchSession("h-a", T.plusSeconds(3600));
      accounts.touchSession("h-a", T.plusSeconds(1800)); // an older use never moves it back
      accounts.touchSession("h-none", T.plusSeconds(3600));
      assertThat(accounts.session("h-a").orElseThrow().lastUsedAt()).isEqualTo(T.plusSeconds(3600));
      accounts.deleteSession("h-c");
      assertThat(accounts.session("h-c")).isEmpty();
    }
    try (Accounts reopened = open(dir)) {
      assertThat(reopened.session("h-b")).contains(b);
      reopened.deleteSessionsOf("u1");
      assertThat(reopened.session("h-a")).isEmpty();
      assertThat(reopened.session("h-b")).isEmpty();
    }
  }

  @Test
  void expired_sessions_are_deleted_by_idle_time_or_age() {
    try (Accounts accounts = open(dir)) {
      accounts.putSession(new StoredSession("idle", "u1", "x", T, T));
      accounts.putSession(new StoredSession("old", "u1", "x", T.minusSeconds(10), T.plusSeconds(500)));
      accounts.putSession(new StoredSession("live", "u2", "x", T, T.plusSeconds(500)));
      assertThat(accounts.deleteExpiredSessions(T.plusSeconds(100), T)).isEqualTo(2);
      assertThat(accounts.session("idle")).isEmpty();
      assertThat(accounts.session("old")).isEmpty();
      assertThat(accounts.session("live")).isPresent();
    }
  }
}
