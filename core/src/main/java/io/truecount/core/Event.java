package io.truecount.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One validated, normalized event, whatever wire format it came in. PII inside is hashed. Absent
 * strings are empty. {@code properties} and {@code context} are JSON-like trees (String, Long,
 * BigDecimal, Boolean, List, Map, null) kept as the sender wrote them.
 */
public record Event(
    String sourceId,
    SourceKind sourceKind,
    String event,
    String eventId,
    Instant eventTime,
    Instant receivedAt,
    Channel channel,
    String testEventCode,
    MatchKeys user,
    String pageUrl,
    String referrer,
    Map<String, Object> properties,
    Map<String, Object> context) {

  public Event {
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(sourceKind, "sourceKind is null");
    requireNonNull(event, "event is null");
    requireNonNull(eventId, "eventId is null");
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(receivedAt, "receivedAt is null");
    requireNonNull(channel, "channel is null");
    requireNonNull(testEventCode, "testEventCode is null");
    requireNonNull(user, "user is null");
    requireNonNull(pageUrl, "pageUrl is null");
    requireNonNull(referrer, "referrer is null");
    properties = requireNonNull(properties, "properties is null");
    context = requireNonNull(context, "context is null");
  }

  public boolean isTest() {
    return !testEventCode.isEmpty();
  }

  public boolean hasEventId() {
    return !eventId.isEmpty();
  }

  /** The name reports use: legacy names map to current ones (CompletePayment → Purchase). */
  public String reportedName() {
    return EventNames.reportedName(event);
  }

  public Optional<BigDecimal> value() {
    return properties.get("value") instanceof BigDecimal v ? Optional.of(v) : longValue();
  }

  private Optional<BigDecimal> longValue() {
    return properties.get("value") instanceof Long v ? Optional.of(BigDecimal.valueOf(v)) : Optional.empty();
  }

  public String currency() {
    return properties.get("currency") instanceof String c ? c : "";
  }

  /** Whether the event names a product: contents or content_ids. */
  public boolean hasProductContext() {
    return nonEmptyList(properties.get("contents"))
        || nonEmptyList(properties.get("content_ids"))
        || properties.get("content_id") instanceof String;
  }

  public String orderId() {
    return properties.get("order_id") instanceof String id ? id : "";
  }

  /**
   * The first copy with everything it lacks taken from a later copy (browser/server merge within
   * 5 minutes): missing match keys and missing parameters.
   */
  public Event mergedWith(Event later) {
    Map<String, Object> props = new LinkedHashMap<>(later.properties);
    props.putAll(properties);
    Map<String, Object> ctx = new LinkedHashMap<>(later.context);
    ctx.putAll(context);
    return new Event(
        sourceId, sourceKind, event, eventId, eventTime, receivedAt, channel, testEventCode,
        user.fillFrom(later.user),
        pageUrl.isEmpty() ? later.pageUrl : pageUrl,
        referrer.isEmpty() ? later.referrer : referrer,
        props,
        ctx);
  }

  private static boolean nonEmptyList(Object value) {
    return value instanceof List<?> list && !list.isEmpty();
  }
}
