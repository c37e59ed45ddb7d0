package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.http.Access;
import io.truecount.server.http.Route;
import org.junit.jupiter.api.Test;

class AdminApiTest extends ServerTest {
  @Test
  void every_admin_and_token_route_refuses_anonymous_callers() {
    int checked = 0;
    for (Route route : server.truecount.http().routes()) {
      if (route.access() != Access.ADMIN && route.access() != Access.SOURCE_TOKEN && route.access() != Access.ADVERTISER_TOKEN) {
        continue; // the UI's session classes: AccessMatrixTest
      }
      String path = route.template().replace("{id}", server.pixel.id()).replace("{seq}", "1").replaceAll("\\{[a-z_]+}", "x");
      Server.Reply anonymous = server.anonymous(route.method(), path);
      assertThat(anonymous.status()).as(route.toString()).isEqualTo(route.access() == Access.ADMIN ? 401 : 200);
      assertThat(anonymous.code()).as(route.toString()).isEqualTo(40104);
      checked++;
    }
    assertThat(checked).isGreaterThan(30);
  }

  @Test
  void creates_advertisers_sources_and_tokens_and_validates_input() {
    JsonNode advertiser = server.admin("POST", "/api/v1/advertisers", "{\"name\":\"Shop\",\"time_zone\":\"Europe/Berlin\",\"currency\":\"eur\",\"country\":\"de\"}").body().get("data");
    assertThat(advertiser.path("currency").asText()).isEqualTo("EUR");
    String id = advertiser.path("advertiser_id").asText();
    JsonNode pixel = server.admin("POST", "/api/v1/sources", "{\"advertiser_id\":\"" + id + "\",\"kind\":\"web\",\"name\":\"Site\"}").body().get("data");
    assertThat(pixel.path("event_source_id").asText()).matches("C[A-Z0-9]{19}");
    assertThat(pixel.path("test_event_code").asText()).matches("TEST[0-9]{5}");
    JsonNode token = server.admin("POST", "/api/v1/tokens", "{\"advertiser_id\":\"" + id + "\"}").body().get("data");
    assertThat(token.path("access_token").asText()).matches("[0-9a-f]{40}");
    JsonNode listed = server.get("/api/v1/tokens?advertiser_id=" + id).body().get("data");
    assertThat(listed.toString()).doesNotContain(token.path("access_token").asText());
    Server.Reply badZone = server.admin("POST", "/api/v1/advertisers", "{\"name\":\"X\",\"time_zone\":\"Mars/Olympus\"}");
    assertThat(badZone.status()).isEqualTo(400);
    assertThat(badZone.code()).isEqualTo(40002);
    assertThat(badZone.message()).contains("Mars/Olympus", "IANA");
    Server.Reply badPixel = server.admin("POST", "/api/v1/sources", "{\"advertiser_id\":\"" + id + "\",\"event_source_id\":\"lower\"}");
    assertThat(badPixel.message()).contains("20 upper-case");
    assertThat(server.get("/api/v1/sources/NOPE").status()).isEqualTo(404);
  }

  @Test
  void an_event_detail_shows_its_dedup_decision_and_the_copies_it_matched() throws Exception {
    String body = "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id() + "\",\"data\":[{\"event\":\"Purchase\",\"event_time\":"
        + server.epoch() + ",\"event_id\":\"o-1\"}]}";
    server.post("/open_api/v1.3/event/track/", body);
    server.post("/open_api/v1.3/event/track/", body);
    JsonNode dropped = server.events("?outcome=dropped");
    assertThat(dropped).hasSize(1);
    assertThat(dropped.get(0).path("dedup").path("explanation").asText()).contains("same channel (server)");
    long firstSeq = dropped.get(0).path("dedup").path("matched_seq").asLong();
    JsonNode detail = server.get("/api/v1/sources/" + server.pixel.id() + "/events/" + firstSeq).body().get("data");
    assertThat(detail.path("dedup").path("outcome").asText()).isEqualTo("first");
    assertThat(detail.path("copies").get(0).asLong()).isEqualTo(dropped.get(0).path("seq").asLong());
    assertThat(server.get("/api/v1/sources/" + server.pixel.id() + "/events?outcome=bogus").message()).contains("first, no_event_id, merged, dropped");
  }

  @Test
  void health_and_metrics_count_what_happened() throws Exception {
    server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id() + "\",\"data\":[{\"event\":\"Pageview\",\"event_time\":"
        + server.epoch() + ",\"user\":{\"ttp\":\"t\"}},{\"event\":\"Purchase\",\"event_time\":" + server.epoch() + ",\"event_id\":7}]}");
    server.settle();
    JsonNode health = server.get("/api/v1/sources/" + server.pixel.id() + "/health").body().get("data");
    assertThat(health.path("status").asText()).isEqualTo("Active");
    assertThat(health.path("receives_business_events").asBoolean()).isFalse();
    assertThat(health.path("rejected_by_code").path("40002").asInt()).isEqualTo(1);
    assertThat(health.path("events").get(0).path("match_quality").asDouble()).isEqualTo(0.5);
    String metrics = server.anonymous("GET", "/metrics").body().path("raw").asText();
    assertThat(metrics).contains("truecount_events_accepted_total{format=\"events_api_2\"} 1.0", "truecount_events_rejected_total{code=\"40002\"} 1.0")
        .doesNotContain("truecount_events_rejected_total{code=\"0\"}", "truecount_events_rejected_total{code=\"20001\"}");
    assertThat(metrics).containsPattern("jvm_memory_used_bytes\\{area=\"heap\",[^}]*\\} [0-9.E]+").contains("jvm_memory_max_bytes{area=\"heap\"", "jvm_gc_overhead", "jvm_memory_usage_after_gc");
    assertThat(server.anonymous("GET", "/ready").code()).isZero();
  }
}
