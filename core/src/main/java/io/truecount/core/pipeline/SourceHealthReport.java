package io.truecount.core.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step 1 of the seed's checklist for one source: is it active, and what does it receive. */
public record SourceHealthReport(
    String sourceId,
    Status status,
    Optional<Instant> lastEventAt,
    boolean receivesBusinessEvents,
    List<EventHealth> events,
    Map<Integer, Long> rejectedByCode) {

  /** Events Manager's status: a live event in the last 7 days, or not. */
  public enum Status {
    ACTIVE,
    NO_RECENT_ACTIVITY
  }
}
