package io.truecount.core.spi;

import io.truecount.core.User;
import java.util.List;
import java.util.Optional;

/** Users of the web UI and their memberships. {@code put} inserts or replaces by id; logins are unique. */
public interface Accounts extends AutoCloseable {
  void put(User user);

  Optional<User> user(String id);

  Optional<User> byLogin(String login);

  List<User> users();

  @Override
  void close();
}
