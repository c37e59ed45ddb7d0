package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plants raw PII everywhere a sender could put it, then scans every stored byte and every log line. */
class PiiCanaryTest {
  private static final String EMAIL = "Canary.7f3a@Example.org";
  private static final String PHONE = "+55 11 99876-5432";
  private static final List<String> FORBIDDEN = List.of("canary.7f3a", "Canary.7f3a", "99876-5432", "11998765432", "998765432", "canary.7f3a%40");

  @TempDir Path dir;

  @Test
  void raw_emails_and_phones_never_reach_disk_or_logs() throws Exception {
    ChildServer child = new ChildServer(dir.resolve("data"), dir.resolve("server.log"));
    String token = child.provision();
    long now = Instant.now().getEpochSecond();
    try (child) {
      child.start();
      String pixel = ChildServer.PIXEL;
      List<String> bodies = List.of(
          track(pixel, "{\"event\":\"Purchase\",\"event_time\":" + now + ",\"event_id\":\"c1\",\"user\":{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE
              + "\",\"external_id\":\"" + EMAIL + "\"},\"properties\":{\"customer_email\":\"" + EMAIL + "\",\"nested\":{\"to\":[\"" + EMAIL + "\"]}},"
              + "\"page\":{\"url\":\"https://shop.example.com/u/" + EMAIL + "/thanks?email=" + EMAIL.replace("@", "%40") + "&phone=" + PHONE.replace(" ", "%20") + "\"}}"),
          track(pixel, "{\"event\":\"Lead\",\"event_time\":" + now + ",\"user\":{\"email\":\"" + EMAIL.replace("@", "@@") + "\",\"phone\":\"" + PHONE + "x\"}}"),
          track(pixel, "{\"event\":\"Lead\",\"event_time\":\"" + EMAIL + "\",\"user\":{\"email\":[\"" + EMAIL + "\", 5]}}"),
          "{\"pixel_code\":\"" + pixel + "\",\"event\":\"Purchase\",\"context\":{\"user\":{\"email\":\"" + EMAIL + "\",\"phone_number\":\"" + PHONE + "\"}}}");
      HttpClient http = HttpClient.newHttpClient();
      for (int i = 0; i < bodies.size(); i++) {
        String path = i == 3 ? "/open_api/v1.3/pixel/track/" : "/open_api/v1.3/event/track/";
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(child.base() + path)).header("Access-Token", token)
            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        int index = i;
        FORBIDDEN.forEach(canary -> assertThat(reply.body()).as("answer %d", index).doesNotContainIgnoringCase(canary));
      }
      List<HttpRequest.Builder> more = List.of(
          HttpRequest.newBuilder(URI.create(child.base() + "/api/v1/touches")).header("Access-Token", token).POST(HttpRequest.BodyPublishers.ofString(
              "{\"touches\":[{\"kind\":\"click\",\"ad_id\":\"404\",\"time\":" + now + ",\"user\":{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE + "\"}}]}")),
          HttpRequest.newBuilder(URI.create(child.base() + "/api/v1/reconciliations?event_source_id=" + pixel)).header("Authorization", "Bearer child-admin")
              .POST(HttpRequest.BodyPublishers.ofString("Name,Email,Phone,Financial Status,Currency,Total,Refunded Amount,Created at\n#1," + EMAIL + ",\"" + PHONE
                  + "\",paid,BRL,1.00,0.00,not-a-date\n#2," + EMAIL + ",,paid,BRL,1.00,0.00,2026-11-20 10:00:00 -0300\n")),
          HttpRequest.newBuilder(URI.create(child.base() + "/api/v1/reconciliations?event_source_id=" + pixel + "&format=csv&columns="
              + java.net.URLEncoder.encode("order_id:id,time:t,value:v,email:e,phone:p", StandardCharsets.UTF_8))).header("Authorization", "Bearer child-admin")
              .POST(HttpRequest.BodyPublishers.ofString("id,t,v,e,p\n9," + now + ",x," + EMAIL + ",\"" + PHONE + "\"\n")));
      for (HttpRequest.Builder request : more) {
        HttpResponse<String> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        FORBIDDEN.forEach(canary -> assertThat(reply.body()).as(reply.uri().getPath()).doesNotContainIgnoringCase(canary));
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        FORBIDDEN.forEach(canary -> assertThat(content).as("file %s", file.getFileName()).doesNotContainIgnoringCase(canary));
      }
    }
  }

  private static String track(String pixel, String event) {
    return "{\"event_source\":\"web\",\"event_source_id\":\"" + pixel + "\",\"data\":[" + event + "]}";
  }
}
