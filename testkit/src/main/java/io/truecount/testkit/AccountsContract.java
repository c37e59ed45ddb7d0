package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.Role;
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
}
