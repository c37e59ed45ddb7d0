package io.truecount.server.ui;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions, held in memory (a restart signs everyone out). An id is 256 random
 * bits; each session has its own CSRF token. A session ends after 12 h without use or 7 days.
 */
public final class Sessions {
  static final Duration IDLE = Duration.ofHours(12);
  static final Duration ABSOLUTE = Duration.ofDays(7);
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

  /** One session: who, its CSRF token, when it started and was last used. */
  public record Session(String id, String userId, String csrf, Instant startedAt, Instant lastUsedAt) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final SecureRandom random;

  public Sessions(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  public Session open(String userId) {
    Instant now = clock.instant();
    Session session = new Session(secret(), userId, secret(), now, now);
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this id, marked as used now; expired ones are dropped. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session found = sessions.computeIfPresent(id, (k, s) -> expired(s, now) ? null : new Session(s.id(), s.userId(), s.csrf(), s.startedAt(), now));
    return Optional.ofNullable(found);
  }

  public void close(String id) {
    sessions.remove(id);
  }

  /** Signs a user out everywhere (password changed, membership removed). */
  public void closeAllOf(String userId) {
    sessions.values().removeIf(s -> s.userId().equals(userId));
  }

  public int size() {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> expired(s, now));
    return sessions.size();
  }

  private static boolean expired(Session s, Instant now) {
    return !now.isBefore(s.lastUsedAt().plus(IDLE)) || !now.isBefore(s.startedAt().plus(ABSOLUTE));
  }

  String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return TEXT.encodeToString(bytes);
  }
}
