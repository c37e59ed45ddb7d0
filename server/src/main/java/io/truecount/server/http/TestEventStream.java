package io.truecount.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Catalog;
import io.truecount.wire.Json;
import java.io.IOException;

/** Server-Sent Events: each new test event of a source, as it passes through the pipeline. */
public final class TestEventStream implements Handler {
  private static final System.Logger LOG = System.getLogger(TestEventStream.class.getName());
  private final TestEvents testEvents;
  private final Catalog catalog;
  private final String sourceParam;

  TestEventStream(TestEvents testEvents, Catalog catalog) {
    this(testEvents, catalog, "id");
  }

  /** Streams the test events of the source named by path parameter {@code sourceParam}. */
  public TestEventStream(TestEvents testEvents, Catalog catalog, String sourceParam) {
    this.testEvents = testEvents;
    this.catalog = catalog;
    this.sourceParam = sourceParam;
  }

  @Override
  public void handle(Exchange ex) {
    String sourceId = ex.paramOrEmpty(sourceParam);
    ResponseStream out = ex.responseHeader(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=UTF-8")
        .responseHeader(HttpHeaderNames.CACHE_CONTROL, "no-cache")
        .stream(200);
    if (catalog.source(sourceId).isEmpty()) {
      out.write(event("error", null, "{\"error\":\"unknown source\"}"));
      out.close();
      return;
    }
    AutoCloseable subscription = testEvents.subscribe(sourceId, view -> {
      try {
        out.write(event("test_event", Long.toString(view.seq()), Json.MAPPER.writeValueAsString(Views.testEvent(view))));
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "test event not serialized: " + e.getMessage());
      }
    });
    out.onClose(() -> {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "unsubscribe failed: " + e.getMessage());
      }
    });
    out.write(event("ready", null, "{\"event_source_id\":\"" + sourceId + "\"}"));
  }

  /** One event in the text/event-stream format (the data is one line of JSON). */
  private static String event(String name, String id, String data) {
    return "event: " + name + "\n" + (id == null ? "" : "id: " + id + "\n") + "data: " + data + "\n\n";
  }
}
