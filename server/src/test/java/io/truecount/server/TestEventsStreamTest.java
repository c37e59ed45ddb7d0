package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Test events arrive on the live stream within a second, with the seed's checks, and are never counted. */
class TestEventsStreamTest extends ServerTest {
  @Test
  void a_test_event_is_pushed_live_with_checks_and_never_counted() throws Exception {
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.base + "/api/v1/sources/" + server.pixel.id() + "/test-events/stream"))
        .header("Authorization", "Bearer " + Server.ADMIN).build();
    HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.offer(line);
        }
      } catch (java.io.IOException e) {
        lines.offer("closed");
      }
    });
    reader.setDaemon(true);
    reader.start();
    assertThat(next(lines, "data:")).contains(server.pixel.id());
    String code = server.pixel.testEventCode();
    long sent = System.nanoTime();
    server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","test_event_code":"%s","data":[
          {"event":"Purchase","event_time":%d,"event_id":"t-1","properties":{"value":10,"currency":"BRL"},"page":{"url":"https://shop.example.com/thanks"}},
          {"event":"Purchase","event_time":%d,"properties":{"currency":"BRL"},"user":{"ttp":"same"}},
          {"event":"Purchase","event_time":%d,"user":{"ttp":"same"}}]}
        """.formatted(server.pixel.id(), code, server.epoch(), server.epoch() - 3600, server.epoch()));
    JsonNode first = Json.MAPPER.readTree(next(lines, "data:").substring(5));
    assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(1));
    assertThat(first.path("event").path("event_id").asText()).isEqualTo("t-1");
    assertThat(first.path("passed").asBoolean()).isTrue();
    JsonNode second = Json.MAPPER.readTree(next(lines, "data:").substring(5));
    assertThat(verdicts(second)).contains("timestamp=fail", "context=fail", "value_currency=fail", "single_copy=pass");
    JsonNode third = Json.MAPPER.readTree(next(lines, "data:").substring(5));
    assertThat(verdicts(third)).contains("single_copy=fail");
    assertThat(server.events("")).isEmpty();
    JsonNode health = server.get("/api/v1/sources/" + server.pixel.id() + "/health").body().get("data");
    assertThat(health.path("status").asText()).isEqualTo("No recent activity");
    assertThat(health.path("events")).isEmpty();
  }

  @Test
  void an_unknown_test_code_is_still_kept_out_of_reports_and_flagged() throws Exception {
    server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","test_event_code":"TEST00000","data":[{"event":"Lead","event_time":%d}]}
        """.formatted(server.pixel.id(), server.epoch()));
    assertThat(server.events("")).isEmpty();
    JsonNode tests = server.get("/api/v1/sources/" + server.pixel.id() + "/test-events").body().get("data");
    assertThat(verdicts(tests.get(0))).contains("test_event_code=fail");
  }

  private static String verdicts(JsonNode view) {
    StringBuilder out = new StringBuilder();
    view.path("checks").forEach(c -> out.append(c.path("check").asText()).append('=').append(c.path("verdict").asText()).append(' '));
    return out.toString();
  }

  private static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
    while (true) {
      String line = lines.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("stream line starting with " + prefix).isNotNull();
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }
}
