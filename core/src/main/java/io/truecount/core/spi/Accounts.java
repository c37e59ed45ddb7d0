package io.truecount.core.spi;

import io.truecount.core.StoredSession;
import io.truecount.core.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users of the web UI, their memberships and their signed-in sessions. {@code put} inserts or
 * replaces by id; logins are unique. Sessions are shared by every node using the store, so any
 * node answers any signed-in request and a restart signs nobody out.
 */
public interface Accounts extends AutoCloseable {
  void put(User user);

  Optional<User> user(String id);

  Optional<User> byLogin(String login);

  List<User> users();

  void putSession(StoredSession session);

  Optional<StoredSession> session(String idHash);

  /** Records a use of the session (no-op for an unknown one). */
  void touchSession(String idHash, Instant lastUsedAt);

  void deleteSession(String idHash);

  /** Signs a user out everywhere. */
  void deleteSessionsOf(String userId);

  /** Deletes sessions last used before {@code idleBefore} or started before {@code startedBefore}; returns how many. */
  int deleteExpiredSessions(Instant idleBefore, Instant startedBefore);

  @Override
  void close();
}
