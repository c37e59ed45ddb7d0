package io.truecount.core;

/** Events Manager's "connection method" of one business event. */
public enum ConnectionMethod {
  BROWSER_ONLY,
  SERVER_ONLY,
  SERVER_AND_BROWSER;

  public static ConnectionMethod of(boolean browser, boolean server) {
    if (browser && server) {
      return SERVER_AND_BROWSER;
    }
    return browser ? BROWSER_ONLY : SERVER_ONLY;
  }

  public String label() {
    return switch (this) {
      case BROWSER_ONLY -> "browser only";
      case SERVER_ONLY -> "server only";
      case SERVER_AND_BROWSER -> "server & browser";
    };
  }
}
