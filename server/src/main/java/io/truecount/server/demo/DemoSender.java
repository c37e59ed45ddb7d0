package io.truecount.server.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Sends the simulator's requests one at a time, each to the base URL {@code baseUrl} gives at that moment (a test may spread them over nodes). */
final class DemoSender {
  private final HttpClient http = HttpClient.newHttpClient();
  private final Supplier<String> baseUrl;
  private final String token;

  DemoSender(Supplier<String> baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  void post(String path, ObjectNode body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(30))
        .header("Access-Token", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("demo request to " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
  }
}
