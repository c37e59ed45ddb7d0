package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.testkit.Events;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentEventsTest {
  private static final Instant T = Instant.parse("2026-11-01T02:30:00Z");
  private final RecentEvents recent = new RecentEvents(10);

  private static Event event(String id) {
    return Events.event("Purchase").id(id).at(T).build();
  }

  @Test
  void copies_of_an_event_in_the_window_are_listed_with_it() {
    recent.accept(new ProcessedEvent(1, event("o1"), new DedupDecision.First()));
    recent.accept(new ProcessedEvent(2, event("o1"), new DedupDecision.Dropped(1, "same channel")));
    recent.accept(new ProcessedEvent(3, event("o1"), new DedupDecision.Dropped(1, "same channel")));
    assertThat(recent.copiesOf(event("o1").sourceId(), 1)).containsExactly(2L, 3L);
  }

  /** A sender retrying an old event for hours must not grow the window's memory without bound. */
  @Test
  void copies_of_an_event_that_left_the_window_are_not_kept() {
    String source = event("o1").sourceId();
    recent.accept(new ProcessedEvent(1, event("o1"), new DedupDecision.First()));
    for (long seq = 2; seq <= 11; seq++) {
      recent.accept(new ProcessedEvent(seq, event("other" + seq), new DedupDecision.First()));
    }
    assertThat(recent.find(source, 1)).isEmpty();
    for (long seq = 12; seq < 1_012; seq++) {
      recent.accept(new ProcessedEvent(seq, event("o1"), new DedupDecision.Dropped(1, "same channel")));
    }
    assertThat(recent.copiesOf(source, 1)).isEmpty();
    assertThat(recent.copiesHeld()).isZero();
  }
}
