package io.truecount.core.ads;

/** How a user met an ad, in credit precedence order: a click beats an engaged view beats a view. */
public enum TouchKind {
  CLICK,
  ENGAGED_VIEW,
  VIEW;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
