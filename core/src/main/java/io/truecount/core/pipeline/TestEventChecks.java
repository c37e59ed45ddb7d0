package io.truecount.core.pipeline;

import io.truecount.core.Event;
import io.truecount.core.EventNames;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The seed's step-3 checks that can be judged when a test event arrives. */
final class TestEventChecks {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);
  static final Duration SAME_ACTION_WINDOW = Duration.ofMinutes(10);

  private TestEventChecks() {}

  static List<TestCheck> judge(Event event, String currentCode, List<TestEventView> earlier) {
    return List.of(
        code(event, currentCode),
        timestamp(event),
        context(event),
        valueAndCurrency(event),
        singleCopy(event, earlier));
  }

  private static TestCheck code(Event event, String currentCode) {
    return event.testEventCode().equals(currentCode)
        ? TestCheck.pass("test_event_code", "matches the source's code " + currentCode)
        : TestCheck.fail(
            "test_event_code",
            "code " + event.testEventCode() + " is not this source's current code " + currentCode);
  }

  private static TestCheck timestamp(Event event) {
    long skew = Math.abs(Duration.between(event.eventTime(), event.receivedAt()).toSeconds());
    String detail = "event_time " + event.eventTime() + " is " + skew + " s from receipt " + event.receivedAt();
    return skew <= MAX_SKEW.toSeconds()
        ? TestCheck.pass("timestamp", detail)
        : TestCheck.fail("timestamp", detail + " (allowed: 300 s)");
  }

  private static TestCheck context(Event event) {
    if (!event.pageUrl().isEmpty()) {
      return TestCheck.pass("context", "page url " + event.pageUrl());
    }
    if (event.hasProductContext()) {
      return TestCheck.pass("context", "product context in properties");
    }
    return TestCheck.fail("context", "neither page.url nor contents/content_ids present");
  }

  private static TestCheck valueAndCurrency(Event event) {
    if (!EventNames.isValueEvent(event.event())) {
      return TestCheck.notApplicable("value_currency", event.event() + " is not a revenue event");
    }
    boolean value = event.value().isPresent();
    boolean currency = !event.currency().isEmpty();
    if (value && currency) {
      return TestCheck.pass("value_currency", event.value().orElseThrow() + " " + event.currency());
    }
    return TestCheck.fail(
        "value_currency", (value ? "" : "value missing ") + (currency ? "" : "currency missing").trim());
  }

  private static TestCheck singleCopy(Event event, List<TestEventView> earlier) {
    Optional<TestEventView> twin = earlier.stream().filter(v -> sameAction(v.event(), event)).findFirst();
    if (twin.isEmpty()) {
      return TestCheck.pass("single_copy", "no other copy of this action");
    }
    Event other = twin.get().event();
    if (event.hasEventId() && event.eventId().equals(other.eventId())) {
      return TestCheck.pass("single_copy", "copy of #" + twin.get().seq() + " shares event_id: deduplicated");
    }
    return TestCheck.fail(
        "single_copy",
        "second copy of the action in #" + twin.get().seq() + " without a shared event_id: counted twice");
  }

  private static boolean sameAction(Event a, Event b) {
    if (!a.event().equals(b.event())
        || Duration.between(a.receivedAt(), b.receivedAt()).abs().compareTo(SAME_ACTION_WINDOW) > 0) {
      return false;
    }
    if (!a.orderId().isEmpty() || !b.orderId().isEmpty()) {
      return a.orderId().equals(b.orderId());
    }
    if (a.hasEventId() && a.eventId().equals(b.eventId())) {
      return true;
    }
    return !a.user().ttp().isEmpty() && a.user().ttp().equals(b.user().ttp()) && a.pageUrl().equals(b.pageUrl());
  }
}
