package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A pixel, app, offline or CRM event set. {@code strictPii} rejects raw emails/phones (code 40062)
 * instead of hashing them on arrival.
 */
public record EventSource(
    String id,
    String advertiserId,
    SourceKind kind,
    String name,
    String testEventCode,
    boolean strictPii,
    Instant createdAt) {
  public EventSource {
    requireNonNull(id, "id is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    requireNonNull(testEventCode, "testEventCode is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  public EventSource withTestEventCode(String code) {
    return new EventSource(id, advertiserId, kind, name, code, strictPii, createdAt);
  }

  public EventSource withStrictPii(boolean strict) {
    return new EventSource(id, advertiserId, kind, name, testEventCode, strict, createdAt);
  }
}
