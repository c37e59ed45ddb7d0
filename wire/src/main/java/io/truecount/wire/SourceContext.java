package io.truecount.wire;

import static java.util.Objects.requireNonNull;

import io.truecount.core.Channel;
import io.truecount.core.EventSource;
import java.time.Instant;
import java.time.ZoneId;

/** What validating a request's events needs to know about where and when it arrived. */
public record SourceContext(
    EventSource source, String phoneRegion, ZoneId zone, Instant receivedAt, Channel channel, Limits limits) {
  public SourceContext {
    requireNonNull(source, "source is null");
    requireNonNull(phoneRegion, "phoneRegion is null");
    requireNonNull(zone, "zone is null");
    requireNonNull(receivedAt, "receivedAt is null");
    requireNonNull(channel, "channel is null");
    requireNonNull(limits, "limits is null");
  }
}
