package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored access token: only the SHA-256 of the secret is kept. Scoped to an advertiser (all its
 * sources) or to one source. {@code expiresAt} is set when the token was rotated (overlap period).
 */
public record AccessToken(
    String id,
    String secretHash,
    String advertiserId,
    String sourceId,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt) {
  public AccessToken {
    requireNonNull(id, "id is null");
    requireNonNull(secretHash, "secretHash is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public Optional<String> source() {
    return Optional.ofNullable(sourceId);
  }

  public Optional<Instant> expiry() {
    return Optional.ofNullable(expiresAt);
  }

  public Optional<Instant> revocation() {
    return Optional.ofNullable(revokedAt);
  }

  public Optional<Instant> lastUse() {
    return Optional.ofNullable(lastUsedAt);
  }

  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  public boolean allows(EventSource source) {
    return source.advertiserId().equals(advertiserId)
        && (sourceId == null || sourceId.equals(source.id()));
  }

  public AccessToken revokedAt(Instant when) {
    return new AccessToken(id, secretHash, advertiserId, sourceId, createdAt, expiresAt, when, lastUsedAt);
  }

  public AccessToken expiringAt(Instant when) {
    return new AccessToken(id, secretHash, advertiserId, sourceId, createdAt, when, revokedAt, lastUsedAt);
  }

  public AccessToken usedAt(Instant when) {
    return new AccessToken(id, secretHash, advertiserId, sourceId, createdAt, expiresAt, revokedAt, when);
  }
}
