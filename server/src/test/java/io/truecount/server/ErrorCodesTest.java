package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SourceKind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every error code of the spec, provoked over HTTP, with TikTok's envelope and a precise message. */
class ErrorCodesTest extends ServerTest {
  private static final String TRACK = "/open_api/v1.3/event/track/";
  private String body(String events) {
    return "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id() + "\",\"data\":[" + events + "]}";
  }

  private String event(String id) {
    return "{\"event\":\"Purchase\",\"event_time\":" + server.epoch() + ",\"event_id\":\"" + id + "\"}";
  }

  @Test
  void internal_time_markers_sent_by_a_client_are_ignored_not_a_system_error() throws Exception {
    Server.Reply reply = server.post(TRACK, body("""
        {"event":"Purchase","event_id":"m-1","_event_date":"garbage","_event_age_ms":99999999,"_event_time_default":true},
        {"event":"Purchase","event_id":"m-2","event_time":%d,"_event_date":"garbage"}""".formatted(server.epoch() - 60)));
    assertThat(reply.code()).isEqualTo(20001);
    assertThat(reply.body().path("data").path("failed_events").get(0).path("problems").get(0).path("field").asText()).isEqualTo("data.0.event_time");
    assertThat(server.events("").get(0).path("event").path("event_time").asLong()).isEqualTo(server.epoch() - 60);
  }

  @Test
  void a_number_java_cannot_hold_is_40000_not_a_system_error() {
    Server.Reply reply = server.post(TRACK, body("{\"event\":\"Purchase\",\"event_id\":\"n-1\",\"properties\":{\"value\":1e3091772976600}}"));
    assertThat(reply.code()).isEqualTo(40000);
    assertThat(reply.message()).startsWith("Request body has a number out of range");
  }

  @Test
  void missing_token_is_40104_and_unknown_token_40105_with_http_200() {
    Server.Reply missing = server.post(TRACK, null, body(event("a")));
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.code()).isEqualTo(40104);
    Server.Reply wrong = server.post(TRACK, "0".repeat(40), body(event("a")));
    assertThat(wrong.code()).isEqualTo(40105);
  }

  @Test
  void token_of_another_advertiser_or_unknown_pixel_is_40001_in_tiktoks_words() {
    var other = server.truecount.admin().createAdvertiser(Optional.of("7000000000000002"), "Other", "UTC", "USD", "US");
    String otherToken = server.truecount.admin().createToken(other.id(), Optional.empty()).secret();
    Server.Reply reply = server.post(TRACK, otherToken, body(event("a")));
    assertThat(reply.code()).isEqualTo(40001);
    assertThat(reply.message()).startsWith("No permission to operate pixel code: " + server.pixel.id());
    Server.Reply unknown = server.post(TRACK, "{\"event_source\":\"web\",\"event_source_id\":\"CUNKNOWN000000000000\",\"data\":[" + event("a") + "]}");
    assertThat(unknown.code()).isEqualTo(40001);
  }

  @Test
  void a_source_scoped_token_cannot_write_to_another_source() {
    var second = server.truecount.admin().createSource(server.advertiser.id(), SourceKind.WEB, Optional.of("CSECOND0000000000000"), "b", false);
    String scoped = server.truecount.admin().createToken(server.advertiser.id(), Optional.of(second.id())).secret();
    assertThat(server.post(TRACK, scoped, body(event("a"))).code()).isEqualTo(40001);
  }

  @Test
  void revoked_token_is_40105_and_rotation_keeps_the_old_one_for_the_overlap() {
    var created = server.truecount.admin().createToken(server.advertiser.id(), Optional.empty());
    var rotated = server.truecount.admin().rotateToken(created.token().id(), Duration.ofHours(1));
    assertThat(server.post(TRACK, created.secret(), body(event("r1"))).code()).isZero();
    assertThat(server.post(TRACK, rotated.secret(), body(event("r2"))).code()).isZero();
    server.clock.advance(Duration.ofMinutes(61));
    Server.Reply expired = server.post(TRACK, created.secret(), body(event("r3")));
    assertThat(expired.code()).isEqualTo(40105);
    assertThat(expired.message()).contains("expired");
    server.truecount.admin().revokeToken(rotated.token().id());
    assertThat(server.post(TRACK, rotated.secret(), body(event("r4"))).message()).contains("revoked");
  }

  @Test
  void non_json_is_40000_with_the_parse_position() {
    Server.Reply reply = server.post(TRACK, "{\"event_source\": web}");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isEqualTo(40000);
    assertThat(reply.message()).contains("line 1, column");
  }

  @Test
  void numeric_event_id_and_content_id_are_40002_with_field_paths() {
    Server.Reply reply = server.post(TRACK, body("{\"event\":\"Purchase\",\"event_time\":" + server.epoch()
        + ",\"event_id\":273196,\"properties\":{\"contents\":[{\"content_id\":42}]}}"));
    assertThat(reply.code()).isEqualTo(40002);
    JsonNode problems = reply.body().path("data").path("failed_events").get(0).path("problems");
    assertThat(problems.toString())
        .contains("\"field\":\"data.0.event_id\"", "\"value\":\"273196\"", "Invalid value for event_id: not a valid string.")
        .contains("\"field\":\"data.0.properties.contents.0.content_id\"", "Not a valid string");
  }

  @Test
  void a_partly_bad_batch_accepts_the_good_events_and_lists_the_bad_ones() throws Exception {
    Server.Reply reply = server.post(TRACK, body(event("good-1") + ",{\"event\":\"Purchase\",\"event_id\":\"bad-1\"},"
        + event("good-2") + ",{\"event\":\"Purchase\",\"event_time\":" + server.epoch() + ",\"properties\":{\"value\":-1,\"currency\":\"XYZ\"}}"));
    assertThat(reply.code()).isEqualTo(20001);
    JsonNode data = reply.body().path("data");
    assertThat(data.path("accepted").asInt()).isEqualTo(2);
    assertThat(data.path("failed_events")).hasSize(2);
    assertThat(data.path("failed_events").get(0).path("index").asInt()).isEqualTo(1);
    assertThat(data.path("failed_events").get(0).path("event_id").asText()).isEqualTo("bad-1");
    assertThat(data.path("failed_events").get(0).toString()).contains("data.1.event_time", "Missing required field");
    assertThat(data.path("failed_events").get(1).toString()).contains("data.3.properties.value", "Must be zero or more", "data.3.properties.currency", "ISO 4217");
    assertThat(server.events("")).extracting(e -> e.path("event").path("event_id").asText()).containsExactlyInAnyOrder("good-1", "good-2");
  }

  @Test
  void event_time_bounds_future_too_old_and_milliseconds() {
    long now = server.epoch();
    Server.Reply reply = server.post(TRACK, body(
        "{\"event\":\"Lead\",\"event_time\":" + (now + 11 * 60) + "},"
            + "{\"event\":\"Lead\",\"event_time\":" + (now - 8 * 86400) + "},"
            + "{\"event\":\"Lead\",\"event_time\":" + (now * 1000) + "},"
            + "{\"event\":\"Lead\",\"event_time\":" + (now + 9 * 60) + "}"));
    assertThat(reply.code()).isEqualTo(20001);
    String failed = reply.body().path("data").path("failed_events").toString();
    assertThat(failed).contains("minutes in the future", "7 days old for web sources", "looks like milliseconds");
  }

  @Test
  void more_than_1000_events_is_40061_and_nothing_is_accepted() throws Exception {
    StringBuilder events = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      events.append(i == 0 ? "" : ",").append(event("big-" + i));
    }
    Server.Reply reply = server.post(TRACK, body(events.toString()));
    assertThat(reply.code()).isEqualTo(40061);
    assertThat(reply.message()).contains("1001 events", "at most 1000");
    assertThat(server.events("")).isEmpty();
  }

  @Test
  void strict_mode_refuses_raw_pii_with_40062_and_accepts_hashes() {
    server.truecount.admin().setStrictPii(server.pixel.id(), true);
    Server.Reply raw = server.post(TRACK, body("{\"event\":\"Lead\",\"event_time\":" + server.epoch() + ",\"user\":{\"email\":\"carol@example.com\"}}"));
    assertThat(raw.code()).isEqualTo(40062);
    assertThat(raw.body().toString()).doesNotContain("carol");
    Server.Reply hashed = server.post(TRACK, body("{\"event\":\"Lead\",\"event_time\":" + server.epoch()
        + ",\"user\":{\"email\":\"848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f\"}}"));
    assertThat(hashed.code()).isZero();
  }

  @Test
  void wrong_event_source_for_the_source_kind_is_40002() {
    Server.Reply reply = server.post(TRACK, "{\"event_source\":\"app\",\"event_source_id\":\"" + server.pixel.id() + "\",\"data\":[" + event("k") + "]}");
    assertThat(reply.code()).isEqualTo(40002);
    assertThat(reply.message()).contains("is a web source");
    assertThat(server.post(TRACK, "{\"event_source\":\"tv\",\"event_source_id\":\"x\",\"data\":[]}").message())
        .contains("event_source", "one of web, app, offline, crm", "data", "at least 1 event");
  }

  @Test
  void unknown_route_is_40400_and_oversized_body_is_413_with_the_envelope() throws Exception {
    Server.Reply route = server.post("/open_api/v1.3/event/tracks/", body(event("x")));
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.code()).isEqualTo(40400);
    String answer = headersOnly(9 << 20);
    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("\"code\":40000").contains("too large");
  }

  /** Announces a body over the limit and sends none: the answer must come from the headers alone, before any upload. */
  private String headersOnly(int contentLength) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.truecount.port())) {
      socket.setSoTimeout(10_000);
      String request = "POST " + TRACK + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccess-Token: " + server.token + "\r\nContent-Type: application/json\r\nContent-Length: "
          + contentLength + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] buffer = new byte[8192];
      StringBuilder out = new StringBuilder();
      java.io.InputStream in = socket.getInputStream();
      int n;
      while (!out.toString().contains("}") && (n = in.read(buffer)) > 0) {
        out.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
      }
      return out.toString();
    }
  }

  @Test
  void a_gzip_bomb_is_refused_with_413() throws Exception {
    String big = body("{\"event\":\"Lead\",\"event_time\":" + server.epoch() + ",\"properties\":{\"description\":\"" + "y".repeat(40 << 20) + "\"}}");
    Server.Reply reply = server.postGzip(TRACK, big);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.message()).contains("after gzip decompression");
  }
}
