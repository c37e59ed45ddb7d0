package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL: campaigns created on node A, a click posted to node A and the
 * purchase sent to node B are attributed the same on both nodes; a web UI session works on both
 * (no sticky sessions needed) and survives a restart.
 */
class SharedStoreTest {
  static final String EMAIL = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
  static final String PASSWORD = "correct horse battery staple";
  @TempDir Path a;
  @TempDir Path b;

  @Test
  void ads_and_touches_written_on_one_node_attribute_on_the_other() throws Exception {
    adsAndTouchesAcrossNodes(Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres"));
  }

  @Test
  void with_the_logs_on_kafka_touches_written_on_one_node_attribute_on_the_other() throws Exception {
    adsAndTouchesAcrossNodes(Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres", "log.kind", "kafka",
        "log.kafka.bootstrap-servers", io.truecount.testkit.TestKafka.bootstrap(), "log.kafka.topic", "shared-" + System.nanoTime(),
        "log.kafka.replication-factor", "1"));
  }

  private void adsAndTouchesAcrossNodes(Map<String, String> pg) throws Exception {
    try (Server nodeA = new Server(a, pg); Server nodeB = Server.restart(b, nodeA, pg)) {
      ok(nodeA.admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"1800000000000000001\",\"campaign_name\":\"Sale\",\"objective_type\":\"SALES\"}"
          .formatted(nodeA.advertiser.id())));
      ok(nodeA.admin("POST", "/api/v1/adgroups", ("{\"campaign_id\":\"1800000000000000001\",\"adgroup_id\":\"1810000000000000001\",\"adgroup_name\":\"g\","
          + "\"event_source_id\":\"%s\",\"optimization_event\":\"Purchase\",\"publish\":true}").formatted(nodeA.pixel.id())));
      ok(nodeA.admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"1810000000000000001\",\"ad_id\":\"1820000000000000001\",\"ad_name\":\"v\"}"));
      long now = nodeA.epoch();
      ok(nodeA.post("/api/v1/touches", "{\"touches\":[{\"touch_id\":\"c1\",\"kind\":\"click\",\"ad_id\":\"1820000000000000001\",\"time\":%d,\"user\":{\"email\":\"%s\"}}]}"
          .formatted(now - 3600, EMAIL)));
      nodeB.truecount.followShared();
      ok(nodeB.post("/open_api/v1.3/event/track/", ("{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[{\"event\":\"Purchase\",\"event_id\":\"o1\","
          + "\"event_time\":%d,\"user\":{\"email\":\"%s\"},\"properties\":{\"value\":10,\"currency\":\"BRL\"}}]}").formatted(nodeB.pixel.id(), now, EMAIL)));
      LocalDate today = nodeA.clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate();
      ok(nodeA.post("/api/v1/delivery", "{\"rows\":[{\"ad_id\":\"1820000000000000001\",\"date\":\"%s\",\"impressions\":100,\"clicks\":4,\"spend\":12.5}]}"
          .formatted(today)));
      nodeB.truecount.followShared();
      nodeA.settle();
      nodeB.settle();
      JsonNode onA = report(nodeA);
      JsonNode onB = report(nodeB);
      assertThat(onB).isEqualTo(onA);
      assertThat(onA.get(0).path("conversions").asLong()).as("the purchase sent to B, credited to A's click").isEqualTo(1);
      assertThat(new java.math.BigDecimal(onB.get(0).path("spend").asText())).as("spend posted to A, reported by B").isEqualByComparingTo("12.5");
    }
  }

  @Test
  void a_ui_session_opened_on_one_node_is_accepted_by_the_other_and_signing_out_ends_it_on_both() throws Exception {
    Map<String, String> pg = Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres");
    try (Server nodeA = new Server(a, pg); Server nodeB = Server.restart(b, nodeA, pg)) {
      nodeA.truecount.users().create("ana", PASSWORD, io.truecount.core.Role.ADMIN, nodeA.advertiser.id());
      UiClient onA = UiClient.signedIn(nodeA.base, "ana", PASSWORD);
      UiClient onB = onA.at(nodeB.base);
      String events = "/ui/a/" + nodeA.advertiser.id() + "/events";
      assertThat(onB.get(events).statusCode()).as("a page on B with A's session").isEqualTo(200);
      int tokens = nodeA.truecount.admin().tokens(nodeA.advertiser.id()).size();
      assertThat(onB.change("/ui/a/" + nodeA.advertiser.id() + "/tokens", Map.of("event_source_id", nodeA.pixel.id())).statusCode())
          .as("a form on B with the CSRF token of A's page").isEqualTo(200);
      assertThat(nodeA.truecount.admin().tokens(nodeA.advertiser.id())).hasSize(tokens + 1);
      assertThat(onB.change("/ui/logout", Map.of()).statusCode()).isEqualTo(303);
      assertThat(onA.get(events).statusCode()).as("signed out on B, so on A too").isEqualTo(303);
    }
  }

  @Test
  void a_restart_signs_nobody_out() throws Exception {
    Server node = new Server(a);
    String events = "/ui/a/" + node.advertiser.id() + "/events";
    UiClient browser;
    try (node) {
      node.truecount.users().create("ana", PASSWORD, io.truecount.core.Role.ANALYST, node.advertiser.id());
      browser = UiClient.signedIn(node.base, "ana", PASSWORD);
      assertThat(browser.get(events).statusCode()).isEqualTo(200);
    }
    try (Server restarted = new Server(a, node)) {
      assertThat(browser.at(restarted.base).get(events).statusCode()).isEqualTo(200);
    }
  }

  private static void ok(Server.Reply reply) {
    assertThat(reply.code()).as(reply.body().toString()).isZero();
  }

  private static JsonNode report(Server node) {
    LocalDate today = node.clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate();
    return node.get("/api/v1/reports?advertiser_id=" + node.advertiser.id() + "&level=campaign&granularity=total&start_date=" + today.minusDays(1)
        + "&end_date=" + today).body().path("data");
  }
}
