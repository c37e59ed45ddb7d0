package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Shopify export (real layout, line-item rows, a malformed row) reconciled with Truecount: every planted gap found, and the gaps add up. */
class ReconciliationTest extends ServerTest {
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  static final DateTimeFormatter SHOPIFY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

  String shopify(Instant at) {
    return SHOPIFY.format(at.atZone(ZONE));
  }

  JsonNode admin(String method, String path, String body) {
    Server.Reply reply = server.admin(method, path, body);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    return reply.body().path("data");
  }

  String purchase(String eventId, String orderId, long time, String email, String value) {
    return "{\"event\":\"Purchase\",%s\"event_time\":%d,\"user\":{\"email\":\"%s\"},\"properties\":{\"value\":%s,\"currency\":\"BRL\"%s}}".formatted(
        eventId.isEmpty() ? "" : "\"event_id\":\"" + eventId + "\",", time, email, value, orderId.isEmpty() ? "" : ",\"order_id\":\"" + orderId + "\"");
  }

  @Test
  void every_planted_gap_is_found_and_the_categories_add_up_to_the_difference() throws Exception {
    admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"200001\",\"campaign_name\":\"c\"}".formatted(server.advertiser.id()));
    admin("POST", "/api/v1/adgroups", "{\"campaign_id\":\"200001\",\"adgroup_id\":\"2000011\",\"adgroup_name\":\"g\",\"event_source_id\":\"%s\",\"click_attribution_window\":\"TWENTY_EIGHT_DAYS\"}"
        .formatted(server.pixel.id()));
    admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"2000011\",\"ad_id\":\"2000012\",\"ad_name\":\"a\"}");
    long now = server.epoch();
    Instant t = server.clock.instant();
    String a = "alice@example.com";
    String b = "bob@example.com";
    String c = "carol@example.com";
    String d = "dan@example.com";
    String e = "erin@example.com";
    String f = "frank@example.com";
    assertThat(server.post("/api/v1/touches", "{\"touches\":[" + String.join(",",
        "{\"kind\":\"click\",\"ad_id\":\"2000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 7200, a),
        "{\"kind\":\"click\",\"ad_id\":\"2000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 7200, c),
        "{\"kind\":\"view\",\"ad_id\":\"2000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 7200, e),
        "{\"kind\":\"click\",\"ad_id\":\"2000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 9 * 86400, f),
        "{\"kind\":\"click\",\"ad_id\":\"2000012\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 7200, b)) + "]}").code()).isZero();
    String body = "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[%s]}".formatted(server.pixel.id(), String.join(",",
        purchase("o1001", "1001", now - 3600, a, "100.00"),
        purchase("o1003", "1003", now - 3500, c, "30.00"),
        purchase("o1004", "1004", now - 3400, d, "40.00"),
        purchase("", "", now - 3300, e, "50.00"),
        purchase("o1006", "1006", now - 3200, f, "60.00"),
        purchase("", "", now - 3100, b, "70.00"),
        purchase("", "", now - 3090, b, "70.00")));
    assertThat(server.post("/open_api/v1.3/event/track/", body).code()).isZero();
    server.settle();
    String csv = "\uFEFFName,Email,Financial Status,Paid at,Currency,Subtotal,Total,Refunded Amount,Created at,Lineitem name,Cancelled at,Tags,Id,Phone,Source\n"
        + "#1001,%s,paid,,BRL,90.00,100.00,0.00,%s,Tee,,,5001,,web\n".formatted(a, shopify(t.minusSeconds(3600)))
        + "#1001,,,,,,,,,Socks,,,,,\n"
        + "#1002,zoe@example.com,paid,,BRL,20.00,20.00,0.00,%s,Cap,,,5002,,web\n".formatted(shopify(t.minusSeconds(3000)))
        + "#1003,%s,refunded,,BRL,30.00,30.00,30.00,%s,Mug,,,5003,,web\n".formatted(c, shopify(t.minusSeconds(3500)))
        + "#1004,%s,paid,,BRL,40.00,40.00,0.00,%s,Pen,,,5004,,web\n".formatted(d, shopify(t.minusSeconds(3400)))
        + "#1005,%s,paid,,BRL,50.00,50.00,0.00,%s,Bag,,,5005,,web\n".formatted(e.toUpperCase(), shopify(t.minusSeconds(3250)))
        + "#1006,%s,paid,,BRL,60.00,60.00,0.00,%s,Hat,,,5006,,web\n".formatted(f, shopify(t.minusSeconds(3200)))
        + "#1007,%s,paid,,BRL,70.00,70.00,0.00,%s,Box,,,5007,,web\n".formatted(b, shopify(t.minusSeconds(3100)))
        + "#1008,qa@example.com,paid,,BRL,1.00,1.00,0.00,%s,Test,,test,5008,,web\n".formatted(shopify(t.minusSeconds(2000)))
        + "#1009,x@example.com,paid,,BRL,1.00,1.00,0.00,yesterday,Bad,,,5009,,web\n";
    String day = t.atZone(ZONE).toLocalDate().toString();
    Server.Reply reply = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id()
        + "&format=shopify&start_date=" + day + "&end_date=" + day)).header("Authorization", "Bearer " + Server.ADMIN)
        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    JsonNode r = reply.body().path("data");
    Map<String, Long> gaps = new HashMap<>();
    r.path("gaps").forEach(g -> gaps.put(g.path("category").asText(), g.path("count").asLong()));
    assertThat(gaps).containsEntry("counted", 3L).containsEntry("no_event_received", 1L).containsEntry("refunded_or_cancelled", 1L)
        .containsEntry("received_unattributed", 1L).containsEntry("different_day", 1L).containsEntry("test_order", 1L)
        .containsEntry("duplicate_without_event_id", 1L).containsEntry("no_backend_order", 1L);
    assertThat(r.path("backend_orders").asLong()).isEqualTo(8);
    assertThat(r.path("adds_up").asBoolean()).isTrue();
    long effect = 0;
    for (JsonNode g : r.path("gaps")) {
      effect += g.path("effect_on_difference").asLong();
    }
    assertThat(effect).isEqualTo(r.path("difference").asLong());
    assertThat(r.path("import_problems").get(0).path("field").asText()).isEqualTo("line 11, column Created at");
    Map<String, JsonNode> lines = new HashMap<>();
    r.path("lines").forEach(l -> lines.put(l.path("order_id").asText(l.path("event_id").asText()), l));
    assertThat(lines.get("#1005").path("matched_by").asText()).startsWith("email and time");
    assertThat(lines.get("#1005").path("notes").toString()).contains("view-through");
    assertThat(lines.get("#1001").path("matched_by").asText()).isEqualTo("order id");
    assertThat(r.toString()).as("raw emails are hashed on import, never echoed").doesNotContain("alice@example.com");
    assertThat(r.path("counted_view_through_only").asLong()).isEqualTo(1);
    Server.Reply other = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id()
        + "&format=shopify&campaign_ids=999999&start_date=" + day + "&end_date=" + day)).header("Authorization", "Bearer " + Server.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    JsonNode o = other.body().path("data");
    assertThat(o.path("truecount_conversions").asLong()).isZero();
    assertThat(o.path("adds_up").asBoolean()).isTrue();
    assertThat(o.path("gaps").toString()).contains("other_campaign");
  }

  JsonNode reconcile(String format, String extra, String day, String body) {
    Server.Reply reply = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id()
        + "&format=" + format + extra + "&start_date=" + day + "&end_date=" + day)).header("Authorization", "Bearer " + Server.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    return reply.body().path("data");
  }

  static Map<String, Long> gaps(JsonNode r) {
    Map<String, Long> gaps = new HashMap<>();
    r.path("gaps").forEach(g -> gaps.put(g.path("category").asText(), g.path("count").asLong()));
    return gaps;
  }

  @Test
  void ga4_exports_and_a_mapped_backend_csv_in_utc_reconcile_with_their_own_gaps() throws Exception {
    admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"200002\",\"campaign_name\":\"c\"}".formatted(server.advertiser.id()));
    admin("POST", "/api/v1/adgroups", "{\"campaign_id\":\"200002\",\"adgroup_id\":\"2000021\",\"adgroup_name\":\"g\",\"event_source_id\":\"%s\"}".formatted(server.pixel.id()));
    admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"2000021\",\"ad_id\":\"2000022\",\"ad_name\":\"a\"}");
    Instant t = server.clock.instant();
    long now = server.epoch();
    String[] emails = {"g1@example.com", "g2@example.com", "g3@example.com"};
    StringBuilder touches = new StringBuilder();
    for (String email : emails) {
      touches.append(touches.length() == 0 ? "" : ",").append("{\"kind\":\"click\",\"ad_id\":\"2000022\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(now - 600, email));
    }
    assertThat(server.post("/api/v1/touches", "{\"touches\":[" + touches + "]}").code()).isZero();
    assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[%s]}".formatted(server.pixel.id(),
        String.join(",", purchase("p3001", "3001", now - 300, emails[0], "10"), purchase("p3002", "3002", now - 200, emails[1], "20"),
            purchase("p3003", "3003", now - 100, emails[2], "30")))).code()).isZero();
    server.settle();
    String day = t.atZone(ZONE).toLocalDate().toString();
    String micros = Long.toString((now - 300) * 1_000_000L);
    String ga4 = String.join("\n",
        "{\"event_date\":\"%s\",\"event_timestamp\":\"%s\",\"event_name\":\"purchase\",\"ecommerce\":{\"transaction_id\":\"3001\",\"purchase_revenue\":10.0},\"event_params\":[{\"key\":\"currency\",\"value\":{\"string_value\":\"BRL\"}}]}"
            .formatted(day.replace("-", ""), micros),
        "{\"event_date\":\"%s\",\"event_timestamp\":\"%s\",\"event_name\":\"purchase\",\"ecommerce\":{\"transaction_id\":\"3002\",\"purchase_revenue\":20.0}}".formatted(day.replace("-", ""), micros),
        "{\"event_date\":\"%s\",\"event_timestamp\":\"%s\",\"event_name\":\"refund\",\"ecommerce\":{\"transaction_id\":\"3002\"}}".formatted(day.replace("-", ""), micros),
        "{\"event_date\":\"%s\",\"event_timestamp\":\"%s\",\"event_name\":\"purchase\",\"ecommerce\":{\"transaction_id\":\"3999\",\"purchase_revenue\":5.0}}".formatted(day.replace("-", ""), micros),
        "{\"event_date\":\"%s\",\"event_timestamp\":\"%s\",\"event_name\":\"page_view\"}".formatted(day.replace("-", ""), micros),
        "not json");
    JsonNode g = reconcile("ga4", "", day, ga4);
    assertThat(gaps(g)).containsEntry("counted", 1L).containsEntry("refunded_or_cancelled", 1L).containsEntry("no_event_received", 1L);
    assertThat(g.path("import_problems").get(0).path("field").asText()).isEqualTo("line 6");
    assertThat(g.path("adds_up").asBoolean()).isTrue();

    String ga4Csv = "# Transactions\n# Start date: %s\nTransaction ID,Date,Purchase revenue\n3001,%s,10.00\n3003,%s,30.00\n(not set),%s,1.00\n"
        .formatted(day, day.replace("-", ""), day.replace("-", ""), day.replace("-", ""));
    assertThat(gaps(reconcile("ga4-csv", "", day, ga4Csv))).containsEntry("counted", 2L);

    String utc = java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.minusSeconds(100));
    String backend = "Order No,Created (UTC),Amount,E-mail,State\nB-1,%s,30.00,%s,complete\nB-2,%s,99.00,nobody@example.com,refunded\nB-3,yesterday,1,x@example.com,complete\n"
        .formatted(utc, emails[2].toUpperCase(), utc);
    JsonNode csv = reconcile("csv", "&columns=" + java.net.URLEncoder.encode("order_id:Order No,time:Created (UTC),value:Amount,email:E-mail,status:State",
        java.nio.charset.StandardCharsets.UTF_8), day, backend);
    assertThat(gaps(csv)).containsEntry("counted", 1L).containsEntry("refunded_or_cancelled", 1L);
    assertThat(csv.path("import_problems").get(0).path("field").asText()).isEqualTo("line 4, column Created (UTC)");
    JsonNode line = null;
    for (JsonNode l : csv.path("lines")) {
      if (l.path("order_id").asText().equals("B-1")) {
        line = l;
      }
    }
    assertThat(line.path("matched_by").asText()).startsWith("email and time");
    Server.Reply bad = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id() + "&format=csv&columns=order_id:X"))
        .header("Authorization", "Bearer " + Server.ADMIN).POST(HttpRequest.BodyPublishers.ofString(backend)).build());
    assertThat(bad.message()).contains("time", "value");
  }
}
