package io.truecount.wire;

/** The wire formats we accept, each normalized into the Events API 2.0 event shape at the edge. */
public enum Format {
  EVENTS_API_2("event_source_id", 1000),
  PIXEL_TRACK("pixel_code", 1),
  PIXEL_BATCH("pixel_code", 50),
  OFFLINE_TRACK("event_set_id", 1),
  OFFLINE_BATCH("event_set_id", 1000),
  BEACON("pixel_code", 50);

  private final String sourceField;
  private final int maxEvents;

  Format(String sourceField, int maxEvents) {
    this.sourceField = sourceField;
    this.maxEvents = maxEvents;
  }

  public String sourceField() {
    return sourceField;
  }

  public int maxEvents() {
    return maxEvents;
  }
}
