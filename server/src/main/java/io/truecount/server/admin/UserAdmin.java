package io.truecount.server.admin;

import io.truecount.core.Role;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.truecount.server.ui.Passwords;
import io.truecount.server.ui.Sessions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Web UI users: create, grant and revoke memberships, set passwords. Used by the CLI and at first start. */
public final class UserAdmin {
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9._@+-]{2,100}");
  private final Accounts accounts;
  private final Catalog catalog;
  private final Passwords passwords;
  private final Clock clock;
  private final SecureRandom random;
  private final Sessions sessions;

  public UserAdmin(Accounts accounts, Catalog catalog, Passwords passwords, Clock clock, SecureRandom random, Sessions sessions) {
    this.accounts = accounts;
    this.catalog = catalog;
    this.passwords = passwords;
    this.clock = clock;
    this.random = random;
    this.sessions = sessions;
  }

  /** A new user with one membership ({@code advertiserId} may be {@code *} for every advertiser). */
  public User create(String login, String password, Role role, String advertiserId) {
    if (!LOGIN.matcher(login).matches()) {
      throw AdminException.invalid("login " + login + ": 2 to 100 letters, digits or . _ @ + -");
    }
    if (accounts.byLogin(login).isPresent()) {
      throw AdminException.invalid("login " + login + " is taken");
    }
    checkAdvertiser(advertiserId);
    User user = new User(newId(), login, hash(password), Map.of(advertiserId, role), clock.instant());
    accounts.put(user);
    return user;
  }

  public User grant(String login, String advertiserId, Role role) {
    checkAdvertiser(advertiserId);
    User user = user(login).withMembership(advertiserId, role);
    accounts.put(user);
    return user;
  }

  /** Removes a membership and signs the user out, so the change applies at once. */
  public User revoke(String login, String advertiserId) {
    User user = user(login);
    if (!user.memberships().containsKey(advertiserId)) {
      throw AdminException.invalid("user " + login + " has no membership for " + advertiserId);
    }
    User changed = user.withoutMembership(advertiserId);
    accounts.put(changed);
    sessions.closeAllOf(user.id());
    return changed;
  }

  public User setPassword(String login, String password) {
    User user = user(login).withPasswordHash(hash(password));
    accounts.put(user);
    sessions.closeAllOf(user.id());
    return user;
  }

  public List<User> users() {
    return accounts.users();
  }

  public User user(String login) {
    return accounts.byLogin(login).orElseThrow(() -> AdminException.notFound("user", login));
  }

  /** A random password for a first admin or a reset: 24 characters from 32 symbols (120 bits). */
  public String randomPassword() {
    String symbols = "abcdefghjkmnpqrstuvwxyz23456789AB";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      out.append(symbols.charAt(random.nextInt(32)));
    }
    return out.toString();
  }

  public static Role role(String text) {
    try {
      return Role.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid("role " + text + ": admin or analyst");
    }
  }

  private void checkAdvertiser(String advertiserId) {
    if (!advertiserId.equals(User.ALL_ADVERTISERS) && catalog.advertiser(advertiserId).isEmpty()) {
      throw AdminException.notFound("advertiser", advertiserId);
    }
  }

  private String hash(String password) {
    try {
      return passwords.hash(password);
    } catch (IllegalArgumentException e) {
      throw AdminException.invalid(e.getMessage());
    }
  }

  private String newId() {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
