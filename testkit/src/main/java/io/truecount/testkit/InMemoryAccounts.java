package io.truecount.testkit;

import io.truecount.core.StoredSession;
import io.truecount.core.User;
import java.time.Instant;
import io.truecount.core.spi.Accounts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts and sessions in maps, for tests. */
public final class InMemoryAccounts implements Accounts {
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();

  @Override
  public synchronized void put(User user) {
    users.values().stream().filter(u -> u.login().equals(user.login()) && !u.id().equals(user.id())).findAny().ifPresent(u -> {
      throw new IllegalStateException("login " + user.login() + " is taken");
    });
    users.put(user.id(), user);
  }

  @Override
  public Optional<User> user(String id) {
    return Optional.ofNullable(users.get(id));
  }

  @Override
  public Optional<User> byLogin(String login) {
    return users.values().stream().filter(u -> u.login().equals(login)).findFirst();
  }

  @Override
  public List<User> users() {
    return users.values().stream().sorted(Comparator.comparing(User::login)).toList();
  }

  @Override
  public void putSession(StoredSession session) {
    sessions.put(session.idHash(), session);
  }

  @Override
  public Optional<StoredSession> session(String idHash) {
    return Optional.ofNullable(sessions.get(idHash));
  }

  @Override
  public void touchSession(String idHash, Instant lastUsedAt) {
    sessions.computeIfPresent(idHash, (k, s) -> s.lastUsedAt().isBefore(lastUsedAt) ? new StoredSession(s.idHash(), s.userId(), s.csrf(), s.startedAt(), lastUsedAt) : s);
  }

  @Override
  public void deleteSession(String idHash) {
    sessions.remove(idHash);
  }

  @Override
  public void deleteSessionsOf(String userId) {
    sessions.values().removeIf(s -> s.userId().equals(userId));
  }

  @Override
  public int deleteExpiredSessions(Instant idleBefore, Instant startedBefore) {
    int before = sessions.size();
    sessions.values().removeIf(s -> s.lastUsedAt().isBefore(idleBefore) || s.startedAt().isBefore(startedBefore));
    return before - sessions.size();
  }

  @Override
  public void close() {}
}
