package io.truecount.testkit;

import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in a map, for tests. */
public final class InMemoryAccounts implements Accounts {
  private final Map<String, User> users = new ConcurrentHashMap<>();

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
  public void close() {}
}
