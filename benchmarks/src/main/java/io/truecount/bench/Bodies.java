package io.truecount.bench;

import io.truecount.core.Channel;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.wire.Limits;
import io.truecount.wire.SourceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/** Realistic Events API 2.0 bodies (~450 bytes an event, hashed email, URL with ttclid, contents). */
final class Bodies {
  private Bodies() {}

  /** What the edge knows when it decodes these bodies for {@code pixel}: a Brazilian advertiser's web pixel, a server sender, "now". */
  static SourceContext context(String pixel, Instant now) {
    EventSource source = new EventSource(pixel, "1", SourceKind.WEB, "b", "TEST00001", false, now);
    return new SourceContext(source, "BR", ZoneId.of("America/Sao_Paulo"), now, Channel.SERVER, Limits.DEFAULT);
  }

  static String event(String name, String eventId, long time, int i) {
    return "{\"event\":\"" + name + "\",\"event_time\":" + time + ",\"event_id\":\"" + eventId + "\","
        + "\"user\":{\"email\":\"848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f\",\"ttp\":\"ttp-" + (i % 5000)
        + "\",\"ip\":\"203.0.113." + (i % 250) + "\",\"user_agent\":\"Mozilla/5.0 (X11; Linux x86_64) Chrome/156\"},"
        + "\"page\":{\"url\":\"https://shop.example.com/products/" + (i % 400) + "?ttclid=E.C.P.bench" + i + "\"},"
        + "\"properties\":{\"currency\":\"BRL\",\"value\":" + (10 + i % 90) + ".9,\"content_type\":\"product\","
        + "\"contents\":[{\"content_id\":\"sku-" + (i % 400) + "\",\"price\":" + (10 + i % 90) + ".9,\"quantity\":1}]}}";
  }

  static byte[] batch(String pixel, int events, int salt, long time) {
    return batch(pixel, events, "b" + salt + "-", salt * events, time);
  }

  /** The mark that {@link #uniqueBatch} puts where each event_id's request number goes. */
  static final String REQUEST_SLOT = "r0000000000";

  /**
   * A batch like {@link #batch} whose event_ids are {@code r<10-digit request number>-<i>}: the
   * sender writes its request number over every {@link #REQUEST_SLOT}, so every event of every
   * request is new to dedup, as in real traffic.
   */
  static byte[] uniqueBatch(String pixel, int events, long time) {
    return batch(pixel, events, REQUEST_SLOT + "-", 0, time);
  }

  /** Event i has the id {@code idPrefix + i} and the varying fields of user {@code firstUser + i}. */
  private static byte[] batch(String pixel, int events, String idPrefix, int firstUser, long time) {
    StringBuilder data = new StringBuilder(events * 480);
    for (int i = 0; i < events; i++) {
      data.append(i == 0 ? "" : ",").append(event(i % 3 == 0 ? "Purchase" : "ViewContent", idPrefix + i, time, firstUser + i));
    }
    return ("{\"event_source\":\"web\",\"event_source_id\":\"" + pixel + "\",\"data\":[" + data + "]}").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] testEvent(String pixel, String code, String eventId, long time) {
    return ("{\"event_source\":\"web\",\"event_source_id\":\"" + pixel + "\",\"test_event_code\":\"" + code + "\",\"data\":["
        + event("Purchase", eventId, time, 1) + "]}").getBytes(StandardCharsets.UTF_8);
  }
}
