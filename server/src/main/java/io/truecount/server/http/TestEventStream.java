package io.truecount.server.http;

import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Catalog;
import io.truecount.wire.Json;
import io.undertow.server.handlers.sse.ServerSentEventConnection;
import io.undertow.server.handlers.sse.ServerSentEventConnectionCallback;
import io.undertow.server.handlers.sse.ServerSentEventHandler;
import java.io.IOException;

/** Server-Sent Events: each new test event of a source, as it passes through the pipeline. */
public final class TestEventStream implements ServerSentEventConnectionCallback {
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

  public ServerSentEventHandler handler() {
    return new ServerSentEventHandler(this);
  }

  @Override
  public void connected(ServerSentEventConnection connection, String lastEventId) {
    String sourceId = connection.getQueryParameters().getOrDefault(sourceParam, new java.util.ArrayDeque<>()).peekFirst();
    if (sourceId == null || catalog.source(sourceId).isEmpty()) {
      connection.send("{\"error\":\"unknown source\"}", "error", null, null);
      close(connection);
      return;
    }
    AutoCloseable subscription = testEvents.subscribe(sourceId, view -> {
      try {
        connection.send(Json.MAPPER.writeValueAsString(Views.testEvent(view)), "test_event", Long.toString(view.seq()), null);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "test event not serialized: " + e.getMessage());
      }
    });
    connection.addCloseTask(c -> {
      try {
        subscription.close();
      } catch (Exception e) {
        LOG.log(System.Logger.Level.WARNING, "unsubscribe failed: " + e.getMessage());
      }
    });
    connection.send("{\"event_source_id\":\"" + sourceId + "\"}", "ready", null, null);
  }

  private static void close(ServerSentEventConnection connection) {
    try {
      connection.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "closing SSE connection: " + e.getMessage());
    }
  }
}
