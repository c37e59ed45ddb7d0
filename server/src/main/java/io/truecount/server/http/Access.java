package io.truecount.server.http;

/** Who may call a route. Every route declares one; a route without one cannot be built. */
public enum Access {
  /** Anyone: health, metrics on loopback, the pixel script and beacon, the click redirect, sign-in, UI assets. */
  PUBLIC,
  /** An advertiser token or a token of this source in {@code Access-Token} (checked per request against the source). */
  SOURCE_TOKEN,
  /** An advertiser's token in {@code Access-Token}, for advertiser-wide data (touches, delivery, reports). */
  ADVERTISER_TOKEN,
  /** A signed-in UI session, any user. */
  SESSION,
  /** A signed-in UI session of a member (any role) of the advertiser {@code {adv}} in the path. */
  MEMBER,
  /** A signed-in UI session of an admin of the advertiser {@code {adv}} in the path. */
  MEMBER_ADMIN,
  /** The server's admin token in {@code Authorization: Bearer ...}. */
  ADMIN
}
