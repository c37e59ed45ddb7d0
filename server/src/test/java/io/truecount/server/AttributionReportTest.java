package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ads, touches, events, delivery in over HTTP; TikTok's integrated report, our report, CSV and
 * explanations out; late touches re-attribute; published settings freeze; a restart rebuilds the
 * same numbers from the logs.
 */
class AttributionReportTest extends ServerTest {
  static final String TRACK = "/open_api/v1.3/event/track/";
  static final String EMAIL_X = "a".repeat(64);
  static final String EMAIL_Y = "b".repeat(64);
  static final String EMAIL_Z = "c".repeat(64);
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  JsonNode admin(String method, String path, String body) {
    Server.Reply reply = server.admin(method, path, body);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    return reply.body().path("data");
  }

  void ads() {
    admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"1800000000000000001\",\"campaign_name\":\"Black Friday\",\"objective_type\":\"SALES\"}"
        .formatted(server.advertiser.id()));
    admin("POST", "/api/v1/adgroups", """
        {"campaign_id":"1800000000000000001","adgroup_id":"1810000000000000001","adgroup_name":"7d click 1d view","event_source_id":"%s",
         "optimization_event":"Purchase","publish":true}""".formatted(server.pixel.id()));
    admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"1810000000000000001\",\"ad_id\":\"1820000000000000001\",\"ad_name\":\"video A\",\"landing_domains\":[\"shop.example\"]}");
    admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"1800000000000000002\",\"campaign_name\":\"Retargeting\"}"
        .formatted(server.advertiser.id()));
    admin("POST", "/api/v1/adgroups", """
        {"campaign_id":"1800000000000000002","adgroup_id":"1810000000000000002","adgroup_name":"once","event_source_id":"%s",
         "optimization_event":"Purchase","attribution_event_count":"ONCE","click_attribution_window":"TWENTY_EIGHT_DAYS"}""".formatted(server.pixel.id()));
    admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"1810000000000000002\",\"ad_id\":\"1820000000000000002\",\"ad_name\":\"video B\"}");
  }

  Server.Reply touches(String body) {
    return server.post("/api/v1/touches", body);
  }

  String touch(String id, String kind, String ad, long time, String email) {
    return "{\"touch_id\":\"%s\",\"kind\":\"%s\",\"ad_id\":\"%s\",\"time\":%d,\"user\":{\"email\":\"%s\"}}".formatted(id, kind, ad, time, email);
  }

  String purchase(String id, long time, String email, String value) {
    return "{\"event\":\"Purchase\",\"event_id\":\"%s\",\"event_time\":%d,\"user\":{\"email\":\"%s\"},\"properties\":{\"value\":%s,\"currency\":\"BRL\"}}"
        .formatted(id, time, email, value);
  }

  void events(String... events) {
    Server.Reply reply = server.post(TRACK, "{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[%s]}".formatted(server.pixel.id(), String.join(",", events)));
    assertThat(reply.code()).as(reply.body().toString()).isZero();
  }

  JsonNode integrated(String level, String dimensions, String metrics, LocalDate start, LocalDate end) throws InterruptedException {
    server.settle();
    Server.Reply reply = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + server.advertiser.id() + "&report_type=BASIC&data_level=" + level
        + "&dimensions=" + enc(dimensions) + "&metrics=" + enc(metrics) + "&start_date=" + start + "&end_date=" + end + "&page_size=1000", server.token);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    return reply.body().path("data");
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static Map<String, JsonNode> byDimension(JsonNode data, String dimension) {
    Map<String, JsonNode> out = new HashMap<>();
    data.path("list").forEach(row -> out.put(row.path("dimensions").path(dimension).asText(), row.path("metrics")));
    return out;
  }

  LocalDate today() {
    return server.clock.instant().atZone(ZONE).toLocalDate();
  }

  @Test
  void conversions_are_credited_by_tiktoks_rules_and_reported_on_both_time_bases() throws Exception {
    ads();
    long now = server.epoch();
    Server.Reply t = touches("{\"touches\":[" + String.join(",",
        touch("click-x", "click", "1820000000000000001", now - 2 * 86400, EMAIL_X),
        touch("view-x", "view", "1820000000000000001", now - 3600, EMAIL_X),
        touch("view-y", "view", "1820000000000000001", now - 3 * 3600, EMAIL_Y),
        touch("view-z", "view", "1820000000000000001", now - 2 * 86400, EMAIL_Z),
        "{\"kind\":\"click\",\"ad_id\":\"999\",\"time\":%d,\"user\":{\"email\":\"x@example.com\"}}".formatted(now)) + "]}");
    assertThat(t.code()).isEqualTo(20001);
    assertThat(t.body().path("data").path("failed_touches").get(0).path("problems").get(0).path("field").asText()).isEqualTo("touches.4.ad_id");
    events(purchase("o-x", now, EMAIL_X, "100"), purchase("o-y", now, EMAIL_Y, "50.5"), purchase("o-z", now, EMAIL_Z, "20"));
    Server.Reply delivery = server.post("/api/v1/delivery", """
        {"rows":[{"ad_id":"1820000000000000001","date":"%s","impressions":1000,"clicks":20,"spend":"30.00","conversions":3,"conversion_value":170.5},
                 {"ad_id":"1820000000000000001","date":"%s","impressions":500,"clicks":10,"spend":15}]}""".formatted(today(), today().minusDays(2)));
    assertThat(delivery.code()).as(delivery.body().toString()).isZero();

    JsonNode byDay = integrated("AUCTION_CAMPAIGN", "[\"campaign_id\",\"stat_time_day\"]",
        "[\"spend\",\"impressions\",\"conversion\",\"real_time_conversion\",\"cta_conversion\",\"vta_conversion\",\"complete_payment\",\"total_complete_payment_rate\",\"cost_per_conversion\",\"ctr\"]",
        today().minusDays(3), today());
    Map<String, JsonNode> days = byDimension(byDay, "stat_time_day");
    JsonNode clickDay = days.get(today().minusDays(2) + " 00:00:00");
    JsonNode todayRow = days.get(today() + " 00:00:00");
    assertThat(clickDay.path("conversion").asText()).as("x's purchase counts on its click's day").isEqualTo("1");
    assertThat(clickDay.path("cta_conversion").asText()).isEqualTo("1");
    assertThat(clickDay.path("real_time_conversion").asText()).isEqualTo("0");
    assertThat(clickDay.path("spend").asText()).isEqualTo("15.00");
    assertThat(todayRow.path("conversion").asText()).as("y's 1-day view").isEqualTo("1");
    assertThat(todayRow.path("vta_conversion").asText()).isEqualTo("1");
    assertThat(todayRow.path("real_time_conversion").asText()).as("x and y on the conversion day; z unattributed").isEqualTo("2");
    assertThat(todayRow.path("total_complete_payment_rate").asText()).isEqualTo("50.50");
    assertThat(todayRow.path("cost_per_conversion").asText()).isEqualTo("30.00");
    assertThat(todayRow.path("ctr").asText()).isEqualTo("2.00");

    JsonNode z = admin("GET", "/api/v1/conversions/" + server.pixel.id() + "/Purchase/o-z/explanation", null);
    assertThat(z.path("status").asText()).isEqualTo("unattributed");
    assertThat(z.path("candidates").get(0).path("reason").asText()).contains("view window").contains("ONE_DAY");
    JsonNode x = admin("GET", "/api/v1/conversions/" + server.pixel.id() + "/Purchase/o-x/explanation", null);
    assertThat(x.path("credited").path("touch_id").asText()).as("a click beats a later view").isEqualTo("click-x");
    assertThat(x.path("credited").path("why").asText()).contains("latest eligible click");
    assertThat(x.path("report_day_impression_basis").asText()).isEqualTo(today().minusDays(2).toString());

    assertThat(touches("{\"touches\":[" + touch("late-click-z", "click", "1820000000000000001", now - 5 * 86400, EMAIL_Z) + "]}").code()).isZero();
    JsonNode total = integrated("AUCTION_ADVERTISER", "[\"advertiser_id\"]", "[\"conversion\",\"real_time_conversion\",\"spend\"]", today().minusDays(6), today());
    assertThat(total.path("list").get(0).path("metrics").path("real_time_conversion").asText()).as("the late click re-attributed z").isEqualTo("3");
    assertThat(total.path("list").get(0).path("metrics").path("spend").asText()).isEqualTo("45.00");
  }

  @Test
  void every_level_sums_to_the_advertiser_and_once_counts_one_per_touch() throws Exception {
    ads();
    long now = server.epoch();
    touches("{\"touches\":[" + String.join(",",
        touch("c1", "click", "1820000000000000001", now - 3600, EMAIL_X),
        touch("c2", "click", "1820000000000000002", now - 7200, EMAIL_Y)) + "]}");
    events(purchase("a", now - 60, EMAIL_X, "10"), purchase("b", now - 50, EMAIL_Y, "20"), purchase("c", now - 40, EMAIL_Y, "30"),
        purchase("d", now - 30, EMAIL_X, "40"));
    String metrics = "[\"conversion\",\"total_complete_payment_rate\"]";
    JsonNode advertiser = integrated("AUCTION_ADVERTISER", "[\"advertiser_id\"]", metrics, today(), today()).path("list").get(0).path("metrics");
    long campaigns = 0;
    for (JsonNode row : integrated("AUCTION_CAMPAIGN", "[\"campaign_id\"]", metrics, today(), today()).path("list")) {
      campaigns += row.path("metrics").path("conversion").asLong();
    }
    long adGroups = 0;
    for (JsonNode row : integrated("AUCTION_ADGROUP", "[\"adgroup_id\"]", metrics, today(), today()).path("list")) {
      adGroups += row.path("metrics").path("conversion").asLong();
    }
    Map<String, JsonNode> ads = byDimension(integrated("AUCTION_AD", "[\"ad_id\"]", metrics, today(), today()), "ad_id");
    assertThat(ads.get("1820000000000000001").path("conversion").asText()).isEqualTo("2");
    assertThat(ads.get("1820000000000000002").path("conversion").asText()).as("ONCE: b counts, c does not").isEqualTo("1");
    assertThat(ads.get("1820000000000000002").path("total_complete_payment_rate").asText()).isEqualTo("20.00");
    assertThat(advertiser.path("conversion").asLong()).isEqualTo(3).isEqualTo(campaigns).isEqualTo(adGroups);
    JsonNode c = admin("GET", "/api/v1/conversions/" + server.pixel.id() + "/Purchase/c/explanation", null);
    assertThat(c.path("status").asText()).startsWith("not counted: ONCE");

    Server.Reply csv = server.admin("GET", "/api/v1/reports?advertiser_id=" + server.advertiser.id() + "&level=ad&event=Purchase&granularity=total&start_date="
        + today() + "&end_date=" + today() + "&format=csv", null);
    assertThat(csv.body().path("raw").asText()).startsWith("ad_id,time_zone,event,time_basis,conversions,value,currency").contains("1820000000000000002,America/Sao_Paulo,Purchase,impression,1,20.00,BRL");
  }

  @Test
  void a_landing_url_with_ttclid_and_the_ad_parameter_records_the_click() throws Exception {
    ads();
    long now = server.epoch();
    events("{\"event\":\"Pageview\",\"event_time\":%d,\"page\":{\"url\":\"https://shop.example/p?ttclid=E.C.P.landing1&tt_ad=1820000000000000001\"},\"user\":{\"ttp\":\"ttp-1\"}}"
        .formatted(now - 600),
        "{\"event\":\"Purchase\",\"event_id\":\"land-1\",\"event_time\":%d,\"user\":{\"ttp\":\"ttp-1\"},\"properties\":{\"value\":5,\"currency\":\"BRL\"}}".formatted(now));
    server.settle();
    JsonNode x = admin("GET", "/api/v1/conversions/" + server.pixel.id() + "/Purchase/land-1/explanation", null);
    assertThat(x.path("credited").path("touch_id").asText()).isEqualTo("landing:E.C.P.landing1");
    assertThat(x.path("credited").path("kind").asText()).isEqualTo("click");
  }

  @Test
  void published_settings_are_frozen_and_bad_report_queries_name_the_parameter() throws Exception {
    ads();
    Server.Reply change = server.admin("POST", "/api/v1/adgroups/1810000000000000001", "{\"click_attribution_window\":\"ONE_DAY\"}");
    assertThat(change.code()).isEqualTo(40002);
    assertThat(change.message()).contains("published").contains("Create a new ad group");
    assertThat(server.admin("POST", "/api/v1/adgroups/1810000000000000002", "{\"click_attribution_window\":\"ONE_DAY\"}").code()).as("not yet published").isZero();
    assertThat(server.admin("POST", "/api/v1/adgroups/1810000000000000002", "{\"view_attribution_window\":\"FOURTEEN_DAYS\"}").message())
        .contains("view_attribution_window FOURTEEN_DAYS");
    Server.Reply unknown = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + server.advertiser.id()
        + "&report_type=BASIC&data_level=AUCTION_AD&dimensions=" + enc("[\"ad_id\"]") + "&metrics=" + enc("[\"conversions_typo\"]")
        + "&start_date=2026-03-01&end_date=2026-03-08", server.token);
    assertThat(unknown.code()).isEqualTo(40002);
    assertThat(unknown.message()).contains("conversions_typo");
    Server.Reply mismatch = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + server.advertiser.id()
        + "&report_type=BASIC&data_level=AUCTION_AD&dimensions=" + enc("[\"campaign_id\"]") + "&start_date=2026-03-01&end_date=2026-03-08", server.token);
    assertThat(mismatch.message()).contains("campaign_id does not fit data_level AUCTION_AD");
    Server.Reply other = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=7000000000000999&dimensions=" + enc("[\"advertiser_id\"]")
        + "&start_date=2026-03-01&end_date=2026-03-08", server.token);
    assertThat(other.code()).isEqualTo(40001);
  }

  @Test
  void a_restart_rebuilds_the_same_report_from_the_event_and_touch_logs() throws Exception {
    ads();
    long now = server.epoch();
    touches("{\"touches\":[" + touch("c1", "click", "1820000000000000001", now - 3600, EMAIL_X) + "]}");
    events(purchase("r-1", now, EMAIL_X, "12.34"));
    server.post("/api/v1/delivery", "{\"rows\":[{\"ad_id\":\"1820000000000000001\",\"date\":\"%s\",\"impressions\":10,\"clicks\":1,\"spend\":2}]}".formatted(today()));
    String metrics = "[\"conversion\",\"spend\",\"complete_payment_roas\"]";
    JsonNode before = integrated("AUCTION_CAMPAIGN", "[\"campaign_id\"]", metrics, today(), today());
    server.close();
    server = new Server(dir, server);
    server.clock.advance(Duration.ofSeconds(1));
    JsonNode after = integrated("AUCTION_CAMPAIGN", "[\"campaign_id\"]", metrics, today(), today());
    assertThat(after.path("list")).isEqualTo(before.path("list"));
    assertThat(after.path("list").get(0).path("metrics").path("complete_payment_roas").asText()).isEqualTo("6.17");
  }

  @Test
  void an_ads_manager_export_imports_tolerantly_and_keeps_the_platforms_numbers() throws Exception {
    ads();
    String csv = "\uFEFFCampaign name,Ad name,Ad ID,By Day,Currency,Cost,Impressions,\"Clicks (destination)\",Conversions,Total purchase value\n"
        + "Black Friday,video A,1820000000000000001,%s,BRL,\"1,234.50\",\"100,000\",250,12,\"1,500.00\"\n".formatted(today())
        + "Black Friday,video A,1820000000000000001,not a date,BRL,1,1,1,1,1\n"
        + "Black Friday,ghost,999,%s,BRL,1,1,1,1,1\n".formatted(today())
        + "Total of 3 results,,,,,1236.50,100002,252,14,1501\n";
    Server.Reply reply = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/api/v1/delivery/import"))
        .header("Access-Token", server.token).header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
    assertThat(reply.code()).as(reply.body().toString()).isEqualTo(20001);
    JsonNode failed = reply.body().path("data").path("failed_rows");
    assertThat(failed).hasSize(2);
    assertThat(failed.get(0).path("problems").get(0).path("field").asText()).isEqualTo("line 3, column By Day");
    assertThat(failed.get(1).path("problems").get(0).path("field").asText()).isEqualTo("line 4, column Ad ID");
    Server.Reply report = server.admin("GET", "/api/v1/reports?advertiser_id=" + server.advertiser.id() + "&level=campaign&granularity=total&start_date="
        + today() + "&end_date=" + today(), null);
    JsonNode row = report.body().path("data").get(0);
    assertThat(row.path("spend").asText()).isEqualTo("1234.50");
    assertThat(row.path("impressions").asLong()).isEqualTo(100_000);
    assertThat(row.path("clicks").asLong()).isEqualTo(250);
    assertThat(row.path("platform_conversions").asLong()).isEqualTo(12);

    Server.Reply missing = server.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/api/v1/delivery/import"))
        .header("Access-Token", server.token).POST(java.net.http.HttpRequest.BodyPublishers.ofString("Ad ID,Impressions\n1,2\n")).build());
    assertThat(missing.code()).isEqualTo(40002);
    assertThat(missing.message()).contains("date (one of: by day").contains("spend (one of: cost");
  }

  @Test
  void the_click_redirect_mints_a_ttclid_and_only_goes_to_the_ads_landing_domains() throws Exception {
    ads();
    java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    var ok = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/c/1820000000000000001?to="
        + enc("https://www.shop.example/p/1?color=red#top"))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(302);
    String location = ok.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://www.shop.example/p/1?color=red&ttclid=E.C.P.").endsWith("&tt_campaign=1800000000000000001&tt_adgroup=1810000000000000001&tt_ad=1820000000000000001#top");
    for (String evil : java.util.List.of("https://evil.example/", "https://shop.example.evil.example/", "javascript:alert(1)", "https://user@shop.example.evil/", "//evil.example")) {
      var refused = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/c/1820000000000000001?to=" + enc(evil))).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).as(evil).isEqualTo(400);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
    }
    assertThat(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base + "/c/42?to=" + enc("https://shop.example/"))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }

  @Test
  void what_if_recomputes_an_ad_group_under_other_windows_without_changing_the_published_numbers() throws Exception {
    ads();
    long now = server.epoch();
    touches("{\"touches\":[" + String.join(",",
        touch("v-old", "view", "1820000000000000001", now - 3 * 86400, EMAIL_X),
        touch("c-old", "click", "1820000000000000001", now - 10 * 86400, EMAIL_Y)) + "]}");
    events(purchase("w-x", now, EMAIL_X, "10"), purchase("w-y", now, EMAIL_Y, "20"));
    server.settle();
    JsonNode whatIf = admin("GET", "/api/v1/adgroups/1810000000000000001/what-if?view_attribution_window=SEVEN_DAYS&click_attribution_window=FOURTEEN_DAYS"
        + "&start_date=" + today().minusDays(12) + "&end_date=" + today(), null);
    assertThat(whatIf.path("current").path("conversions").asLong()).isZero();
    assertThat(whatIf.path("what_if").path("conversions").asLong()).isEqualTo(2);
    assertThat(whatIf.path("what_if").path("by_touch_kind").path("view").asLong()).isEqualTo(1);
    assertThat(whatIf.path("difference").asLong()).isEqualTo(2);
    assertThat(whatIf.path("note").asText()).contains("create a new ad group");
    JsonNode report = integrated("AUCTION_ADGROUP", "[\"adgroup_id\"]", "[\"conversion\"]", today().minusDays(12), today());
    assertThat(report.path("list").toString()).doesNotContain("\"conversion\":\"1\"").doesNotContain("\"conversion\":\"2\"");
    assertThat(server.admin("GET", "/api/v1/adgroups/1810000000000000001/what-if?view_attribution_window=TEN_DAYS", null).message())
        .contains("view_attribution_window TEN_DAYS");
  }
}
