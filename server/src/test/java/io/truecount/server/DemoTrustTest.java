package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's planted problems — AddToCart for sales, a tracking outage, lost and refunded and test orders, duplicates, a purchase on a product page — are each found. */
class DemoTrustTest extends ServerTest {
  @Test
  void the_checklist_reconciliation_and_anomalies_find_every_planted_problem() throws Exception {
    List<DemoAccount.AdPlan> ads = DemoAccount.createAds(server.truecount.ads(), server.advertiser.id(), server.pixel.id());
    DemoTraffic traffic = new DemoTraffic(server.base, server.token, server.pixel.id(), server.pixel.testEventCode(), server.clock.instant(), 42, ads,
        ZoneId.of("America/Sao_Paulo"));
    traffic.send(400);
    io.truecount.server.demo.Planted planted = traffic.planted();
    assertThat(planted.outage).isPositive();
    assertThat(planted.wrongPage).isPositive();
    assertThat(planted.refunds).isPositive();
    server.settle();

    JsonNode check = server.get("/api/v1/campaigns/1800000000000000003/check").body().path("data");
    assertThat(check.path("steps").get(1).path("verdict").asText()).isEqualTo("warn");
    assertThat(check.path("steps").get(1).path("evidence").toString()).contains("AddToCart", "not sales");

    Server.Reply reply = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id() + "&format=shopify"))
        .header("Authorization", "Bearer " + Server.ADMIN).POST(HttpRequest.BodyPublishers.ofString(traffic.shopifyExport())).build());
    JsonNode r = reply.body().path("data");
    Map<String, Long> gaps = new HashMap<>();
    r.path("gaps").forEach(g -> gaps.put(g.path("category").asText(), g.path("count").asLong()));
    assertThat(r.path("adds_up").asBoolean()).isTrue();
    assertThat(gaps).containsEntry("test_order", (long) planted.testOrders).containsEntry("refunded_or_cancelled", (long) planted.refunds)
        .containsEntry("no_event_received", (long) planted.outage + planted.lostOrders);
    assertThat(gaps.getOrDefault("duplicate_without_event_id", 0L)).isPositive().isLessThanOrEqualTo(planted.duplicatesWithoutEventId);
    assertThat(gaps.get("counted")).isPositive();
    long backendByDay = 0;
    for (JsonNode day : r.path("daily")) {
      backendByDay += day.path("backend_orders").asLong();
    }
    assertThat(backendByDay).as("the daily series sums to the backend total").isEqualTo(r.path("backend_orders").asLong());
    String waterfall = r.path("charts").path("waterfall_svg").asText();
    assertThat(waterfall).startsWith("<svg").contains("backend orders", "no event received", "Truecount", "platform-reported").doesNotContain("<script");
    assertThat(r.path("charts").path("daily_svg").asText()).startsWith("<svg").contains("<polyline", "platform-reported");
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(waterfall.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    String yesterday = server.clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate().minusDays(1).toString();
    JsonNode utc = server.send(HttpRequest.newBuilder(URI.create(server.base + "/api/v1/reconciliations?event_source_id=" + server.pixel.id() + "&format=csv&columns="
        + java.net.URLEncoder.encode("order_id:order_number,time:created_utc,value:amount,email:customer_email,status:state", java.nio.charset.StandardCharsets.UTF_8)
        + "&start_date=" + yesterday + "&end_date=" + yesterday)).header("Authorization", "Bearer " + Server.ADMIN)
        .POST(HttpRequest.BodyPublishers.ofString(traffic.utcBackendExport())).build()).body().path("data");
    Map<String, Long> shifted = new HashMap<>();
    utc.path("gaps").forEach(g -> shifted.put(g.path("category").asText(), g.path("count").asLong()));
    assertThat(utc.path("adds_up").asBoolean()).isTrue();
    assertThat(shifted.getOrDefault("order_on_another_day", 0L) + shifted.getOrDefault("different_day", 0L))
        .as("the UTC backend's days disagree with the advertiser's").isPositive();

    List<String> kinds = new ArrayList<>();
    server.get("/api/v1/anomalies?advertiser_id=" + server.advertiser.id()).body().path("data").forEach(a -> kinds.add(a.path("kind").asText()));
    assertThat(kinds).contains("purchase_on_wrong_page");
  }
}
