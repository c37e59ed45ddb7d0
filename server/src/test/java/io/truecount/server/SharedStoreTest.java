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
 * purchase sent to node B are attributed the same on both nodes.
 */
class SharedStoreTest {
  static final String EMAIL = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
  @TempDir Path a;
  @TempDir Path b;

  @Test
  void ads_and_touches_written_on_one_node_attribute_on_the_other() throws Exception {
    Map<String, String> pg = Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres");
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
      nodeA.settle();
      nodeB.settle();
      JsonNode onA = report(nodeA);
      JsonNode onB = report(nodeB);
      assertThat(onB).isEqualTo(onA);
      assertThat(onA.get(0).path("conversions").asLong()).as("the purchase sent to B, credited to A's click").isEqualTo(1);
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
