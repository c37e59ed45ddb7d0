package io.truecount.core;

import java.util.Locale;
import java.util.Optional;

/** The four kinds of event source, with TikTok's {@code event_source} wire names. */
public enum SourceKind {
  WEB,
  APP,
  OFFLINE,
  CRM;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SourceKind> fromWire(String value) {
    for (SourceKind kind : values()) {
      if (kind.wireName().equals(value)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
