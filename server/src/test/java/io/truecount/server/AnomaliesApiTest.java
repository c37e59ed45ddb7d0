package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anomalies over HTTP: a purchase on a product page and a test code left on live traffic are listed with evidence and fix; dismiss hides them. */
class AnomaliesApiTest extends ServerTest {
  List<String> kinds(boolean includeDismissed) {
    List<String> kinds = new ArrayList<>();
    JsonNode list = server.get("/api/v1/anomalies?advertiser_id=" + server.advertiser.id() + "&include_dismissed=" + includeDismissed).body().path("data");
    list.forEach(a -> kinds.add(a.path("kind").asText() + (a.path("dismissed").asBoolean() ? " (dismissed)" : "")));
    return kinds;
  }

  @Test
  void planted_problems_are_listed_and_dismissible() throws Exception {
    long now = server.epoch();
    assertThat(server.admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"300001\",\"campaign_name\":\"c\"}".formatted(server.advertiser.id())).code()).isZero();
    assertThat(server.admin("POST", "/api/v1/adgroups", "{\"campaign_id\":\"300001\",\"adgroup_id\":\"3000011\",\"adgroup_name\":\"g\",\"event_source_id\":\"%s\"}"
        .formatted(server.pixel.id())).code()).isZero();
    assertThat(server.admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"3000011\",\"ad_id\":\"3000012\",\"ad_name\":\"a\",\"landing_domains\":[\"shop.example\"]}").code()).isZero();
    assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[{\"event\":\"Pageview\",\"event_time\":%d,\"page\":{\"url\":\"https://copycat.example/p\"}},{\"event\":\"Pageview\",\"event_time\":%d,\"page\":{\"url\":\"https://www.shop.example/\"}}]}"
        .formatted(server.pixel.id(), now - 60, now - 60)).code()).isZero();
    List<String> events = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      events.add("{\"event\":\"ViewContent\",\"event_time\":%d,\"user\":{\"ttp\":\"visitor-%d\"}}".formatted(now - i, i % 7));
    }
    assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"test_event_code\":\"%s\",\"data\":[%s]}"
        .formatted(server.pixel.id(), server.pixel.testEventCode(), String.join(",", events))).code()).isZero();
    assertThat(server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"Purchase","event_time":%d,"event_id":"p1","page":{"url":"https://shop.example/products/red-shoe"},
          "properties":{"value":10,"currency":"BRL"}}]}""".formatted(server.pixel.id(), now - 3700)).code()).isZero();
    var old = server.truecount.admin().createToken(server.advertiser.id(), java.util.Optional.empty());
    server.truecount.admin().revokeToken(old.token().id());
    assertThat(server.post("/open_api/v1.3/event/track/", old.secret(), "{}").code()).isEqualTo(40105);
    server.settle();
    server.clock.advance(java.time.Duration.ofHours(1));
    assertThat(kinds(false)).contains("purchase_on_wrong_page", "test_code_on_live_traffic", "unregistered_domain", "token_failing");
    assertThat(server.get("/api/v1/anomalies?advertiser_id=" + server.advertiser.id()).body().path("data").toString()).contains("copycat.example")
        .doesNotContain("events from www.shop.example");
    JsonNode wrong = server.get("/api/v1/anomalies?advertiser_id=" + server.advertiser.id()).body().path("data").findParents("kind").stream()
        .filter(a -> a.path("kind").asText().equals("purchase_on_wrong_page")).findFirst().orElseThrow();
    assertThat(wrong.path("evidence").asText()).contains("product page");
    assertThat(wrong.path("fix").asText()).contains("thank-you");
    assertThat(server.admin("POST", "/api/v1/anomalies/" + java.net.URLEncoder.encode(wrong.path("id").asText(), java.nio.charset.StandardCharsets.UTF_8) + "/dismiss", null)
        .code()).isZero();
    assertThat(kinds(false)).doesNotContain("purchase_on_wrong_page");
    assertThat(kinds(true)).contains("purchase_on_wrong_page (dismissed)");
  }
}
