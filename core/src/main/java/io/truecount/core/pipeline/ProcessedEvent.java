package io.truecount.core.pipeline;

import static java.util.Objects.requireNonNull;

import io.truecount.core.Event;

/** A live event after dedup: its log position, the event (merged view if copies merged) and the decision. */
public record ProcessedEvent(long seq, Event event, DedupDecision decision) {
  public ProcessedEvent {
    requireNonNull(event, "event is null");
    requireNonNull(decision, "decision is null");
  }
}
