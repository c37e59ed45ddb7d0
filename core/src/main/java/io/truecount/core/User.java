package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A person who signs in to the web UI. Only a password hash (Argon2id, PHC string) is kept.
 * {@code memberships} maps an advertiser id to the user's role there; {@link #ALL_ADVERTISERS}
 * stands for every advertiser on the server (the operator who installed it).
 */
public record User(String id, String login, String passwordHash, Map<String, Role> memberships, Instant createdAt) {
  public static final String ALL_ADVERTISERS = "*";

  public User {
    requireNonNull(id, "id is null");
    requireNonNull(login, "login is null");
    requireNonNull(passwordHash, "passwordHash is null");
    requireNonNull(createdAt, "createdAt is null");
    memberships = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(memberships, "memberships is null")));
  }

  /** The role for this advertiser: its own membership, else the all-advertisers one, else none. */
  public Optional<Role> roleFor(String advertiserId) {
    return Optional.ofNullable(memberships.get(advertiserId)).or(() -> Optional.ofNullable(memberships.get(ALL_ADVERTISERS)));
  }

  public boolean seesAllAdvertisers() {
    return memberships.containsKey(ALL_ADVERTISERS);
  }

  public User withMembership(String advertiserId, Role role) {
    Map<String, Role> next = new TreeMap<>(memberships);
    next.put(advertiserId, role);
    return new User(id, login, passwordHash, next, createdAt);
  }

  public User withoutMembership(String advertiserId) {
    Map<String, Role> next = new TreeMap<>(memberships);
    next.remove(advertiserId);
    return new User(id, login, passwordHash, next, createdAt);
  }

  public User withPasswordHash(String hash) {
    return new User(id, login, hash, memberships, createdAt);
  }

  @Override
  public String toString() {
    return "User[" + id + " " + login + " " + memberships + "]";
  }
}
