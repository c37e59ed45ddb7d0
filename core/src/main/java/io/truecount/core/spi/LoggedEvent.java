package io.truecount.core.spi;

import static java.util.Objects.requireNonNull;

import io.truecount.core.Event;

/** An event with its position in the log (sequence numbers start at 1 and have no gaps). */
public record LoggedEvent(long seq, Event event) {
  public LoggedEvent {
    requireNonNull(event, "event is null");
  }
}
