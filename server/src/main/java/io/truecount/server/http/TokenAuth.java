package io.truecount.server.http;

import io.truecount.core.AccessToken;
import io.truecount.core.EventSource;
import io.truecount.core.pii.Pii;
import io.truecount.core.spi.Catalog;
import io.truecount.wire.Code;
import io.truecount.wire.WireException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks {@code Access-Token} headers: missing → 40104, unknown, revoked or expired → 40105, not
 * allowed for the source → 40001. Remembers last use per token and failures per advertiser, and
 * writes last-use times to the catalog when flushed.
 */
public final class TokenAuth {
  private final Catalog catalog;
  private final Clock clock;
  private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();

  /** A known token presented after it was revoked or expired: how often and when last. */
  public record Failure(String tokenId, String advertiserId, long count, Instant last, String why) {}

  public TokenAuth(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public AccessToken authenticate(String header) throws WireException {
    if (header == null || header.isBlank()) {
      throw new WireException(Code.EMPTY_TOKEN, "Access-Token header is empty: send the token created for this advertiser or source");
    }
    Instant now = clock.instant();
    AccessToken token = catalog.tokenBySecretHash(Pii.sha256Hex(header.trim()))
        .orElseThrow(() -> new WireException(Code.INVALID_TOKEN, "Access-Token is invalid: unknown token"));
    if (!token.usableAt(now)) {
      String why = token.revocation().isPresent() ? "revoked at " + token.revokedAt() : "expired at " + token.expiresAt() + " after rotation";
      failures.merge(token.id(), new Failure(token.id(), token.advertiserId(), 1, now, why),
          (a, b) -> new Failure(a.tokenId(), a.advertiserId(), a.count() + 1, b.last(), b.why()));
      throw new WireException(Code.INVALID_TOKEN, "Access-Token is invalid: " + why);
    }
    lastUsed.put(token.id(), now);
    return token;
  }

  /** 40001 in TikTok's words when the token does not cover the source (or the source is unknown). */
  public static void authorize(AccessToken token, String sourceId, EventSource source) throws WireException {
    if (source == null || !token.allows(source)) {
      String what = source == null || source.kind() == io.truecount.core.SourceKind.WEB ? "pixel code" : "event source";
      throw new WireException(Code.NO_PERMISSION, "No permission to operate " + what + ": " + sourceId
          + (source == null ? " (no such source on this server)" : " (the token is for another advertiser or source)"));
    }
  }

  /** Known tokens of an advertiser refused since {@code since} (a sender still uses a revoked or expired token). */
  public java.util.List<Failure> failuresSince(String advertiserId, Instant since) {
    return failures.values().stream().filter(f -> f.advertiserId().equals(advertiserId) && !f.last().isBefore(since)).toList();
  }

  /** Writes last-use times collected since the previous flush. */
  public void flushLastUsed() {
    lastUsed.forEach((id, when) -> {
      lastUsed.remove(id, when);
      catalog.token(id).ifPresent(t -> catalog.putToken(t.usedAt(when)));
    });
  }
}
