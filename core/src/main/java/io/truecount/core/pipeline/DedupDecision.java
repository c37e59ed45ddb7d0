package io.truecount.core.pipeline;

/** What dedup decided for one live event; every decision can be explained. */
public sealed interface DedupDecision {

  Outcome outcome();

  /** The sequence number of the first copy this one matched, or 0 when it is itself counted. */
  long firstSeq();

  /** The first copy of its key within 48 h: counted. */
  record First() implements DedupDecision {
    @Override
    public Outcome outcome() {
      return Outcome.FIRST;
    }

    @Override
    public long firstSeq() {
      return 0;
    }
  }

  /** No event_id: never deduplicated, counted. */
  record NoEventId() implements DedupDecision {
    @Override
    public Outcome outcome() {
      return Outcome.NO_EVENT_ID;
    }

    @Override
    public long firstSeq() {
      return 0;
    }
  }

  /** A browser/server copy within 5 minutes of the first: its keys and parameters fill the first. */
  record Merged(long firstSeq) implements DedupDecision {
    @Override
    public Outcome outcome() {
      return Outcome.MERGED;
    }
  }

  /** A later copy dropped: same channel as an earlier copy, or more than 5 minutes later. */
  record Dropped(long firstSeq, String reason) implements DedupDecision {
    @Override
    public Outcome outcome() {
      return Outcome.DROPPED;
    }
  }

  /** Outcomes as filters and metric labels. */
  enum Outcome {
    FIRST,
    NO_EVENT_ID,
    MERGED,
    DROPPED;

    public boolean counted() {
      return this == FIRST || this == NO_EVENT_ID;
    }
  }
}
