package io.truecount.server.ui;

import io.truecount.core.EventSource;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.server.http.Views;
import io.truecount.wire.Json;
import java.util.Map;

/** Test Events: the latest test events of a source, then each new one live over Server-Sent Events. */
final class TestEventsPage {
  private final TestEvents testEvents;
  private final EventsPage events;
  private final UiFrame frame;

  TestEventsPage(TestEvents testEvents, EventsPage events, UiFrame frame) {
    this.testEvents = testEvents;
    this.events = events;
    this.frame = frame;
  }

  void show(UiRequest r) throws com.fasterxml.jackson.core.JsonProcessingException {
    EventSource source = events.source(r);
    String initial = Json.MAPPER.writeValueAsString(Views.list(testEvents.latest(source.id(), 50), Views::testEvent));
    Pages.render(r.exchange(), "testevents.jte", Map.of("chrome", frame.chrome(r, "Test events · " + source.name(), "test"), "source", source,
        "initial", initial, "stream", "/ui/a/" + r.advertiser().id() + "/sources/" + source.id() + "/test-events/stream"));
  }
}
