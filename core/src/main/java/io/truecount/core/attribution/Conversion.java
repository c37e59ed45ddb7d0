package io.truecount.core.attribution;

import static java.util.Objects.requireNonNull;

import io.truecount.core.MatchKeys;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A conversion: a live, deduplicated event (its first copy, with the keys of merged copies),
 * identified by the log position of that first copy. {@code event} is the reported name;
 * {@code orderId} is {@code properties.order_id} when sent (reconciliation matches on it);
 * {@code receivedAt} is when its first copy arrived.
 */
public record Conversion(
    long seq, String advertiserId, String sourceId, String event, String eventId, Instant time,
    Optional<BigDecimal> value, String currency, MatchKeys keys, String orderId, Instant receivedAt) {
  /** A conversion without an order id (not a purchase, or none sent). */
  public Conversion(long seq, String advertiserId, String sourceId, String event, String eventId, Instant time, Optional<BigDecimal> value,
      String currency, MatchKeys keys) {
    this(seq, advertiserId, sourceId, event, eventId, time, value, currency, keys, "", time);
  }

  public Conversion {
    requireNonNull(orderId, "orderId is null");
    requireNonNull(receivedAt, "receivedAt is null");
    requireNonNull(advertiserId, "advertiserId is null");
    requireNonNull(sourceId, "sourceId is null");
    requireNonNull(event, "event is null");
    requireNonNull(eventId, "eventId is null");
    requireNonNull(time, "time is null");
    requireNonNull(value, "value is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(keys, "keys is null");
  }
}
