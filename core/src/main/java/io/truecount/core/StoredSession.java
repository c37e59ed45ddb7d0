package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A signed-in web UI session as the accounts store keeps it. Only the SHA-256 of the session id
 * is stored (the id itself lives in the browser's cookie), so reading the store does not let
 * anyone sign in. {@code csrf} is the session's form token.
 */
public record StoredSession(String idHash, String userId, String csrf, Instant startedAt, Instant lastUsedAt) {
  public StoredSession {
    requireNonNull(idHash, "idHash is null");
    requireNonNull(userId, "userId is null");
    requireNonNull(csrf, "csrf is null");
    requireNonNull(startedAt, "startedAt is null");
    requireNonNull(lastUsedAt, "lastUsedAt is null");
  }
}
