package io.truecount.core.spi;

import io.truecount.core.Event;
import java.util.List;

/**
 * One request's events on their way into the log, with their payload when the request's own thread
 * encoded it. A log writes many appends in one commit on one thread; a large append encoded by its
 * request (in parallel with the others) leaves that thread only a copy, and a small one is encoded
 * there with its neighbours, which share one string table.
 *
 * @param payload the events in {@link EventCodec}'s form, or null: encoded by the writer
 */
public record LogAppend(List<Event> events, byte[] payload) {
  /** From this many events an append is encoded by its request: its own string table is then well used. */
  static final int ENCODED_BY_REQUEST_FROM = 50;

  public LogAppend {
    events = List.copyOf(events);
  }

  /** The append of {@code events}, encoded here (on the calling thread) when they are many. */
  public static LogAppend of(List<Event> events) {
    return new LogAppend(events, events.size() >= ENCODED_BY_REQUEST_FROM ? EventCodec.encode(events) : null);
  }

  public int size() {
    return events.size();
  }
}
