package io.truecount.core;

/** What a user may do for an advertiser: an analyst reads, an admin also changes. */
public enum Role {
  ANALYST,
  ADMIN;

  public boolean mayChange() {
    return this == ADMIN;
  }
}
