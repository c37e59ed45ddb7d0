package io.truecount.core;

/** How an event reached us: from a browser (our pixel beacon) or from a server (Events API). */
public enum Channel {
  BROWSER,
  SERVER
}
