package io.truecount.server.ui;

import io.truecount.core.StoredSession;
import io.truecount.core.pii.Pii;
import io.truecount.core.spi.Accounts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed-in browser sessions, kept in the accounts store: every node sharing the store accepts
 * them and a restart signs nobody out. An id is 256 random bits and only its SHA-256 is stored;
 * each session has its own CSRF token. A session ends after 12 h without use or 7 days. A use is
 * written at most once a minute, so browsing does not write on every page.
 */
public final class Sessions {
  static final Duration IDLE = Duration.ofHours(12);
  static final Duration ABSOLUTE = Duration.ofDays(7);
  static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
  private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();

  /** One session as the browser knows it: its id (the cookie), who, its CSRF token, when it started and was last used. */
  public record Session(String id, String userId, String csrf, Instant startedAt, Instant lastUsedAt) {}

  private final Accounts accounts;
  private final Clock clock;
  private final SecureRandom random;

  public Sessions(Accounts accounts, Clock clock, SecureRandom random) {
    this.accounts = accounts;
    this.clock = clock;
    this.random = random;
  }

  public Session open(String userId) {
    Instant now = clock.instant();
    Session session = new Session(secret(), userId, secret(), now, now);
    accounts.putSession(new StoredSession(Pii.sha256Hex(session.id()), userId, session.csrf(), now, now));
    return session;
  }

  /** The live session with this id, marked as used now; an expired one is deleted. */
  public Optional<Session> find(String id) {
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    String idHash = Pii.sha256Hex(id);
    Optional<StoredSession> stored = accounts.session(idHash);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    StoredSession s = stored.get();
    Instant now = clock.instant();
    if (expired(s, now)) {
      accounts.deleteSession(idHash);
      return Optional.empty();
    }
    if (!now.isBefore(s.lastUsedAt().plus(TOUCH_EVERY))) {
      accounts.touchSession(idHash, now);
    }
    return Optional.of(new Session(id, s.userId(), s.csrf(), s.startedAt(), now));
  }

  public void close(String id) {
    accounts.deleteSession(Pii.sha256Hex(id));
  }

  /** Signs a user out everywhere (password changed, membership removed). */
  public void closeAllOf(String userId) {
    accounts.deleteSessionsOf(userId);
  }

  /** Deletes expired sessions (housekeeping); returns how many. */
  public int sweep() {
    Instant now = clock.instant();
    return accounts.deleteExpiredSessions(now.minus(IDLE), now.minus(ABSOLUTE));
  }

  private static boolean expired(StoredSession s, Instant now) {
    return !now.isBefore(s.lastUsedAt().plus(IDLE)) || !now.isBefore(s.startedAt().plus(ABSOLUTE));
  }

  String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return TEXT.encodeToString(bytes);
  }
}
