package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SourceKind;
import io.truecount.wire.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel's HTTP side without a browser: script caching and size, beacon CORS, validation and client data, snippet. */
class PixelEndpointTest {
  @TempDir Path dir;
  Server server;
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.base + path));
  }

  JsonNode beacon(String body, String... headers) throws Exception {
    HttpRequest.Builder b = request("/api/v2/pixel").header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    HttpResponse<byte[]> response = send(b);
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void the_versioned_script_is_small_gzipped_immutable_and_revalidates_by_etag() throws Exception {
    server = new Server(dir);
    JsonNode setup = server.get("/api/v1/sources/" + server.pixel.id() + "/snippet?base_url=https://track.shop.example/").body().path("data");
    String scriptUrl = setup.path("script_url").asText();
    assertThat(scriptUrl).startsWith("https://track.shop.example/static/pixel/").endsWith("/events.js?sdkid=" + server.pixel.id() + "&lib=ttq");
    assertThat(setup.path("beacon_url").asText()).isEqualTo("https://track.shop.example/api/v2/pixel");
    assertThat(setup.path("snippet").asText()).contains("var r=\"https://track.shop.example/static/pixel/").contains("ttq.load('" + server.pixel.id() + "');").contains("ttq.page();");

    String path = scriptUrl.substring("https://track.shop.example".length());
    HttpResponse<byte[]> gz = send(request(path).header("Accept-Encoding", "gzip"));
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(gz.headers().firstValue("Content-Type")).hasValue("application/javascript; charset=utf-8");
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    assertThat(gz.body().length).as("gzipped script bytes").isLessThanOrEqualTo(6 * 1024);
    String js = new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(js).contains("\"pixel\":\"" + server.pixel.id() + "\"").contains("\"cc\":\"55\"").contains("\"known\":true").doesNotContain("\n//");

    String etag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(send(request(path).header("If-None-Match", etag)).statusCode()).isEqualTo(304);

    HttpResponse<byte[]> plain = send(request("/static/pixel/events.js?sdkid=" + server.pixel.id() + "&lib=ttq"));
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
    assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo(js);
    HttpResponse<byte[]> old = send(request("/static/pixel/0123456789ab/events.js?sdkid=" + server.pixel.id()));
    assertThat(old.headers().firstValue("Cache-Control")).as("an old version is served current, not cached for a year").hasValue("public, max-age=300");
    assertThat(send(request("/t.js?sdkid=" + server.pixel.id())).body()).isEqualTo(plain.body());
  }

  @Test
  void an_unknown_pixel_still_gets_a_working_script_that_is_not_cached() throws Exception {
    server = new Server(dir);
    HttpResponse<byte[]> response = send(request("/static/pixel/events.js?sdkid=%3C/script%3E&test_event_code=TEST12345"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String js = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(js).contains("\"known\":false").contains("\"test_event_code\":\"TEST12345\"").doesNotContain("</script>");
  }

  @Test
  void the_beacon_answers_cors_preflight_and_echoes_the_origin() throws Exception {
    server = new Server(dir);
    HttpResponse<byte[]> preflight = send(request("/api/v2/pixel").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://shop.example").header("Access-Control-Request-Method", "POST"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST, OPTIONS");
    HttpResponse<byte[]> post = send(request("/api/v2/pixel").header("Origin", "https://shop.example")
        .POST(HttpRequest.BodyPublishers.ofString("{\"pixel_code\":\"" + server.pixel.id() + "\",\"batch\":[{\"event\":\"Pageview\"}]}")));
    assertThat(post.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
    assertThat(post.headers().firstValue("Vary")).hasValue("Origin");
    assertThat(Json.MAPPER.readTree(post.body()).path("code").asInt()).isZero();
  }

  @Test
  void the_beacon_needs_no_token_but_only_reaches_known_web_pixels() throws Exception {
    server = new Server(dir);
    var offline = server.truecount.admin().createSource(server.advertiser.id(), SourceKind.OFFLINE, Optional.of("7000000000000099"), "stores", false);
    assertThat(beacon("{\"pixel_code\":\"NOSUCHPIXEL000000000\",\"batch\":[{\"event\":\"Pageview\"}]}").path("code").asInt()).isEqualTo(40001);
    JsonNode notWeb = beacon("{\"pixel_code\":\"" + offline.id() + "\",\"batch\":[{\"event\":\"Purchase\"}]}");
    assertThat(notWeb.path("code").asInt()).isEqualTo(40001);
    assertThat(notWeb.path("message").asText()).contains(offline.id());
    assertThat(beacon("not json").path("code").asInt()).isEqualTo(40000);
    assertThat(server.events("")).isEmpty();
  }

  @Test
  void beacon_events_take_time_from_their_age_and_ip_and_user_agent_from_the_connection() throws Exception {
    server = new Server(dir);
    JsonNode answer = beacon("""
        {"pixel_code":"%s","batch":[
          {"event":"ViewContent","event_id":"v-1","age_ms":90000,"context":{"page":{"url":"https://shop.example/p/1"},"user":{"ttp":"abc"}}},
          {"event":"AddToCart","event_id":"a-1","age_ms":-5},
          {"event":"Purchase","event_id":"p-1","age_ms":604800001000}]}
        """.formatted(server.pixel.id()), "User-Agent", "Mozilla/5.0 TestBrowser", "X-Forwarded-For", "203.0.113.9");
    assertThat(answer.path("code").asInt()).isEqualTo(20001);
    JsonNode failed = answer.path("data").path("failed_events");
    assertThat(failed.get(0).path("index").asInt()).isEqualTo(1);
    assertThat(failed.get(0).path("problems").get(0).path("field").asText()).isEqualTo("batch.1.age_ms");
    assertThat(failed.get(1).path("problems").get(0).path("field").asText()).isEqualTo("batch.2.timestamp");
    JsonNode view = server.events("").get(0).path("event");
    assertThat(view.path("event_time").asLong()).isEqualTo(server.epoch() - 90);
    assertThat(view.path("channel").asText()).isEqualTo("browser");
    assertThat(view.path("user").path("ip").asText()).as("X-Forwarded-For is not trusted by default").isEqualTo("127.0.0.1");
    assertThat(view.path("user").path("user_agent").asText()).isEqualTo("Mozilla/5.0 TestBrowser");
  }

  @Test
  void behind_a_trusted_proxy_the_forwarded_client_address_is_used() throws Exception {
    server = new Server(dir, Map.of("http.trust-forwarded-for", "true", "http.public-url", "https://track.shop.example"));
    beacon("{\"pixel_code\":\"" + server.pixel.id() + "\",\"batch\":[{\"event\":\"Pageview\",\"context\":{\"ip\":\"\"}}]}", "X-Forwarded-For", "203.0.113.9, 10.0.0.1");
    assertThat(server.events("").get(0).path("event").path("user").path("ip").asText()).isEqualTo("203.0.113.9");
    JsonNode setup = server.get("/api/v1/sources/" + server.pixel.id() + "/snippet").body().path("data");
    assertThat(setup.path("beacon_url").asText()).isEqualTo("https://track.shop.example/api/v2/pixel");
  }

  @Test
  void the_snippet_is_for_admins_and_web_pixels_only() throws Exception {
    server = new Server(dir);
    assertThat(server.anonymous("GET", "/api/v1/sources/" + server.pixel.id() + "/snippet").status()).isEqualTo(401);
    var app = server.truecount.admin().createSource(server.advertiser.id(), SourceKind.APP, Optional.of("7000000000000077"), "app", false);
    assertThat(server.get("/api/v1/sources/" + app.id() + "/snippet").status()).isEqualTo(404);
  }
}
