package io.truecount.server.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_FAILURES} failed sign-ins within 15 minutes for one
 * login or from one address, further tries are refused until the oldest failure ages out.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES = 5;
  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int MAX_KEYS = 100_000;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long until {@code key} may try again, or empty when it may now. */
  public Optional<Duration> blocked(String key) {
    Instant now = clock.instant();
    Deque<Instant> seen = failures.get(key);
    if (seen == null) {
      return Optional.empty();
    }
    synchronized (seen) {
      prune(seen, now);
      return seen.size() < MAX_FAILURES ? Optional.empty() : Optional.of(Duration.between(now, seen.peekFirst().plus(WINDOW)));
    }
  }

  public void failed(String key) {
    if (failures.size() >= MAX_KEYS) {
      Instant now = clock.instant();
      failures.values().removeIf(d -> {
        synchronized (d) {
          prune(d, now);
          return d.isEmpty();
        }
      });
    }
    Deque<Instant> seen = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (seen) {
      seen.addLast(clock.instant());
    }
  }

  public void succeeded(String key) {
    failures.remove(key);
  }

  private static void prune(Deque<Instant> seen, Instant now) {
    while (!seen.isEmpty() && !now.isBefore(seen.peekFirst().plus(WINDOW))) {
      seen.removeFirst();
    }
  }
}
