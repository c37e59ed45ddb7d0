package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SourceKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The 5-step checklist per campaign over HTTP, with a healthy campaign and each planted problem found by its step. */
class ChecklistTest extends ServerTest {
  static final String EMAIL = "d".repeat(64);

  JsonNode admin(String method, String path, String body) {
    Server.Reply reply = server.admin(method, path, body);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    return reply.body().path("data");
  }

  void campaign(String id, String objective, String event, String source) {
    admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"%s\",\"campaign_name\":\"c%s\",\"objective_type\":\"%s\"}"
        .formatted(server.advertiser.id(), id, id, objective));
    admin("POST", "/api/v1/adgroups", "{\"campaign_id\":\"%s\",\"adgroup_id\":\"%s1\",\"adgroup_name\":\"g%s\",\"event_source_id\":\"%s\",\"optimization_event\":\"%s\",\"publish\":true}"
        .formatted(id, id, id, source, event));
    admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"%s1\",\"ad_id\":\"%s2\",\"ad_name\":\"a%s\"}".formatted(id, id, id));
  }

  Map<Integer, String> verdicts(JsonNode check) {
    Map<Integer, String> out = new HashMap<>();
    check.path("steps").forEach(s -> out.put(s.path("step").asInt(), s.path("verdict").asText()));
    return out;
  }

  @Test
  void a_healthy_campaign_is_trusted_and_each_planted_problem_is_found_by_its_step() throws Exception {
    long now = server.epoch();
    campaign("100001", "SALES", "Purchase", server.pixel.id());
    campaign("100002", "SALES", "AddToCart", server.pixel.id());
    campaign("100003", "LEAD_GENERATION", "Pageview", server.pixel.id());
    var idle = server.truecount.admin().createSource(server.advertiser.id(), SourceKind.WEB, Optional.of("CIDLEPIXEL0000000001"), "idle", false);
    campaign("100004", "SALES", "Purchase", idle.id());
    String track = "/open_api/v1.3/event/track/";
    assertThat(server.post(track, """
        {"event_source":"web","event_source_id":"%s","test_event_code":"%s","data":[{"event":"Purchase","event_time":%d,"event_id":"t1",
          "page":{"url":"https://shop.example/thanks"},"properties":{"value":10,"currency":"BRL"}}]}""".formatted(server.pixel.id(), server.pixel.testEventCode(), now)).code())
        .isZero();
    assertThat(server.post("/api/v1/touches", "{\"touches\":[{\"kind\":\"click\",\"ad_id\":\"1000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}},{\"kind\":\"click\",\"ad_id\":\"1000022\",\"time\":%d,\"user\":{\"email\":\"%s\"}}]}"
        .formatted(now - 3600, EMAIL, now - 3600, EMAIL)).code()).isZero();
    assertThat(server.post(track, """
        {"event_source":"web","event_source_id":"%s","data":[
          {"event":"Pageview","event_time":%d,"user":{"email":"%s","external_id":"x1","ttp":"p","ip":"203.0.113.1","user_agent":"UA"}},
          {"event":"AddToCart","event_time":%d,"event_id":"c1","user":{"email":"%s","external_id":"x1","ttp":"p","ip":"203.0.113.1","user_agent":"UA"}},
          {"event":"Purchase","event_time":%d,"event_id":"o1","user":{"email":"%s","external_id":"x1","ttp":"p","ip":"203.0.113.1","user_agent":"UA"},"properties":{"value":50,"currency":"BRL"}}]}"""
        .formatted(server.pixel.id(), now - 100, EMAIL, now - 50, EMAIL, now, EMAIL)).code()).isZero();
    String today = server.clock.instant().atZone(java.time.ZoneId.of("America/Sao_Paulo")).toLocalDate().toString();
    assertThat(server.post("/api/v1/delivery", "{\"rows\":[{\"ad_id\":\"1000012\",\"date\":\"%s\",\"impressions\":100,\"clicks\":3,\"spend\":5,\"conversions\":1}]}".formatted(today)).code())
        .isZero();
    server.settle();

    JsonNode healthy = admin("GET", "/api/v1/campaigns/100001/check", null);
    assertThat(verdicts(healthy)).as(healthy.toString()).containsEntry(1, "pass").containsEntry(2, "pass").containsEntry(3, "pass")
        .containsEntry(4, "pass").containsEntry(5, "pass");
    assertThat(healthy.path("verdict").asText()).isEqualTo("trusted");
    assertThat(healthy.path("ad_groups").get(0).path("verdict").asText()).isEqualTo("trusted");
    assertThat(healthy.path("steps").get(0).path("evidence").toString()).contains("email 100%");

    JsonNode addToCart = admin("GET", "/api/v1/campaigns/100002/check", null);
    assertThat(verdicts(addToCart)).containsEntry(2, "warn");
    assertThat(addToCart.path("steps").get(1).path("evidence").toString()).contains("not sales");
    assertThat(addToCart.path("verdict").asText()).isEqualTo("needs attention");

    JsonNode pageviewLeads = admin("GET", "/api/v1/campaigns/100003/check", null);
    assertThat(verdicts(pageviewLeads)).containsEntry(2, "fail");
    assertThat(pageviewLeads.path("verdict").asText()).isEqualTo("broken");
    assertThat(pageviewLeads.path("first_fix").asText()).startsWith("Step 2: Optimize");

    JsonNode inactive = admin("GET", "/api/v1/campaigns/100004/check", null);
    assertThat(verdicts(inactive)).containsEntry(1, "fail").containsEntry(3, "warn");
    assertThat(inactive.path("no_conversions_triage").asText()).startsWith("1. Source inactive");

    admin("POST", "/api/v1/sources/" + server.pixel.id() + "/purchase-url-pattern", "{\"pattern\":\"/order-complete\"}");
    JsonNode wrongPage = admin("GET", "/api/v1/campaigns/100001/check", null);
    assertThat(verdicts(wrongPage)).as("the test purchase fired on /thanks, not on /order-complete").containsEntry(3, "warn");
    assertThat(wrongPage.path("steps").get(2).path("evidence").toString()).contains("expected_page", "/order-complete");
    assertThat(server.admin("POST", "/api/v1/sources/" + server.pixel.id() + "/purchase-url-pattern", "{\"pattern\":\"([\"}").code()).isEqualTo(40002);

    JsonNode all = admin("GET", "/api/v1/advertisers/" + server.advertiser.id() + "/check", null);
    assertThat(all).hasSize(4);
  }
}
