package io.truecount.core.trust;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One order from the store, GA4 or the backend: id, creation time and the day the backend
 * reports it on (its own zone), total and currency, status, and hashed emails/phones (raw values
 * are hashed on import and never kept). {@code line} is where it starts in the imported file.
 */
public record BackendOrder(String orderId, Instant createdAt, LocalDate backendDay, BigDecimal value, String currency, Status status,
    List<String> emails, List<String> phones, int line) {
  public enum Status {
    PAID,
    PENDING,
    REFUNDED,
    CANCELLED,
    TEST
  }

  public BackendOrder {
    requireNonNull(orderId, "orderId is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(backendDay, "backendDay is null");
    requireNonNull(value, "value is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(status, "status is null");
    emails = List.copyOf(emails);
    phones = List.copyOf(phones);
  }
}
