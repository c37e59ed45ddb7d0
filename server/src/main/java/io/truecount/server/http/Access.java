package io.truecount.server.http;

/** Who may call a route. Every route declares one; a route without one cannot be built. */
public enum Access {
  /** Anyone: health, metrics on loopback, the pixel script and beacon. */
  PUBLIC,
  /** An advertiser or source token in {@code Access-Token} (checked per request against the source). */
  SOURCE_TOKEN,
  /** The admin token in {@code Authorization: Bearer ...}. */
  ADMIN
}
