package io.truecount.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What crash tests sent: every request's event ids and the ids a server acknowledged (code 0). */
final class AckLedger {
  final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  final Map<String, List<String>> requests = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final String prefix;

  AckLedger(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Sends {@code batch} new Purchases with unique event ids to {@code base}; returns how many were
   * acknowledged (0 or batch). An IOException means the server is down or was killed mid-request.
   */
  int send(HttpClient http, String base, String token, int batch) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    StringBuilder data = new StringBuilder();
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < batch; i++) {
      String id = prefix + sequence.incrementAndGet();
      ids.add(id);
      data.append(i == 0 ? "" : ",").append("{\"event\":\"Purchase\",\"event_time\":").append(now)
          .append(",\"event_id\":\"").append(id).append("\",\"properties\":{\"value\":1,\"currency\":\"BRL\"}}");
    }
    requests.put(ids.get(0), ids);
    String body = "{\"event_source\":\"web\",\"event_source_id\":\"" + ChildServer.PIXEL + "\",\"data\":[" + data + "]}";
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/open_api/v1.3/event/track/"))
        .timeout(Duration.ofSeconds(5)).header("Access-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 200 && response.body().startsWith("{\"code\":0,")) {
      acknowledged.addAll(ids);
      return batch;
    }
    return 0;
  }
}
