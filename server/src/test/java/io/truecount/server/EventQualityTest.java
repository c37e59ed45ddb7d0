package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which event predicts revenue: purchases that follow the store's orders rank first; duplicated carts and unqualified leads are flagged. */
class EventQualityTest extends ServerTest {
  @Test
  void the_ranking_recommends_the_event_that_tracks_revenue_and_flags_weak_ones() throws Exception {
    long now = server.epoch();
    ZoneId zone = ZoneId.of("America/Sao_Paulo");
    DateTimeFormatter shopify = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    StringBuilder csv = new StringBuilder("Name,Email,Financial Status,Currency,Total,Refunded Amount,Created at\n");
    List<String> events = new ArrayList<>();
    int order = 1000;
    for (int day = 0; day < 7; day++) {
      int orders = 1 + (day * 7) % 5;
      for (int i = 0; i < orders; i++) {
        long t = now - day * 86400L - i * 60L - 600;
        order++;
        events.add("{\"event\":\"Purchase\",\"event_id\":\"o%d\",\"event_time\":%d,\"user\":{\"email\":\"buyer%d@example.com\",\"ttp\":\"t%d\"},\"properties\":{\"value\":20,\"currency\":\"BRL\",\"order_id\":\"%d\"}}"
            .formatted(order, t, order, order, order));
        csv.append("#%d,buyer%d@example.com,paid,BRL,20.00,0.00,%s\n".formatted(order, order, shopify.format(java.time.Instant.ofEpochSecond(t).atZone(zone))));
      }
      for (int i = 0; i < 3; i++) {
        events.add("{\"event\":\"AddToCart\",\"event_id\":\"c%d-%d\",\"event_time\":%d,\"user\":{\"ttp\":\"cart%d\"}}".formatted(day, i, now - day * 86400L - 300, i));
        events.add("{\"event\":\"AddToCart\",\"event_id\":\"c%d-%d\",\"event_time\":%d,\"user\":{\"ttp\":\"cart%d\"}}".formatted(day, i, now - day * 86400L - 300, i));
      }
      events.add("{\"event\":\"SubmitForm\",\"event_id\":\"l%d\",\"event_time\":%d,\"user\":{\"ttp\":\"lead%d\"}}".formatted(day, now - day * 86400L - 200, day));
      if (day < 3) {
        events.add("{\"event\":\"ApplicationApproval\",\"event_id\":\"a%d\",\"event_time\":%d,\"user\":{\"ttp\":\"lead%d\"}}".formatted(day, now - day * 86400L - 100, day));
      }
    }
    for (int from = 0; from < events.size(); from += 500) {
      assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[%s]}"
          .formatted(server.pixel.id(), String.join(",", events.subList(from, Math.min(events.size(), from + 500))))).code()).isZero();
    }
    server.settle();
    Server.Reply reply = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/event-quality?event_source_id=" + server.pixel.id()))
        .header("Authorization", "Bearer " + Server.ADMIN).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    JsonNode r = reply.body().path("data");
    Map<String, JsonNode> rows = new HashMap<>();
    r.path("ranking").forEach(row -> rows.put(row.path("event").asText(), row));
    assertThat(r.path("ranking").get(0).path("event").asText()).isEqualTo("Purchase");
    assertThat(rows.get("Purchase").path("revenue_correlation").asDouble()).isGreaterThan(0.9);
    assertThat(rows.get("Purchase").path("precision").asDouble()).isEqualTo(1.0);
    assertThat(rows.get("Purchase").path("recall").asDouble()).isEqualTo(1.0);
    assertThat(rows.get("AddToCart").path("verdict").asText()).startsWith("duplicated");
    assertThat(rows.get("Lead").path("lead_quality").asDouble()).as("3 of 7 leads approved later").isEqualTo(0.429);
    Server.Reply strict = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/event-quality?event_source_id=" + server.pixel.id()
        + "&qualified_events=Subscribe")).header("Authorization", "Bearer " + Server.ADMIN).POST(HttpRequest.BodyPublishers.noBody()).build());
    JsonNode lead = null;
    for (JsonNode row : strict.body().path("data").path("ranking")) {
      lead = row.path("event").asText().equals("Lead") ? row : lead;
    }
    assertThat(lead.path("lead_quality").asDouble()).isZero();
    assertThat(lead.path("verdict").asText()).startsWith("weak leads");
    assertThat(r.path("recommendation").asText()).startsWith("Optimize for Purchase").contains("Stop relying on").contains("AddToCart");
  }
}
