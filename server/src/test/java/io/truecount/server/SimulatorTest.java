package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The seeded simulator through every HTTP route; TikTok's report equals the simulator's ground truth per ad. */
class SimulatorTest extends ServerTest {
  @Test
  void the_report_per_ad_and_day_equals_the_ground_truth_across_a_dst_change() throws Exception {
    ZoneId zone = ZoneId.of("America/New_York");
    server.clock.set(java.time.Instant.parse("2026-11-02T15:00:00Z"));
    var advertiser = server.truecount.admin().createAdvertiser(java.util.Optional.of("7000000000000042"), "NY Store", zone.getId(), "USD", "US");
    var pixel = server.truecount.admin().createSource(advertiser.id(), io.truecount.core.SourceKind.WEB, java.util.Optional.empty(), "ny", false);
    String token = server.truecount.admin().createToken(advertiser.id(), java.util.Optional.empty()).secret();
    List<DemoAccount.AdPlan> ads = DemoAccount.createAds(server.truecount.ads(), advertiser.id(), pixel.id());
    DemoTraffic.Sent sent = new DemoTraffic(server.base, token, pixel.id(), pixel.testEventCode(), server.clock.instant(), 7, ads, zone).send(400);
    assertThat(sent.touches()).isGreaterThan(50);
    assertThat(sent.expectedConversions().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(20);
    assertThat(sent.expectedConversions().keySet()).as("the journeys span the fall-back day").anyMatch(k -> k.endsWith("|2026-11-01"));
    assertThat(sent.expectedConversions().keySet()).as("lead forms are simulated").anyMatch(k -> k.startsWith("1820000000000000005|"));
    server.settle();
    LocalDate today = server.clock.instant().atZone(zone).toLocalDate();
    Server.Reply reply = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + advertiser.id()
        + "&report_type=BASIC&data_level=AUCTION_AD&dimensions=" + enc("[\"ad_id\",\"stat_time_day\"]") + "&metrics=" + enc("[\"conversion\",\"spend\"]")
        + "&start_date=" + today.minusDays(10) + "&end_date=" + today + "&page_size=1000", token);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    Map<String, Long> reported = new TreeMap<>();
    double spend = 0;
    for (JsonNode row : reply.body().path("data").path("list")) {
      spend += Double.parseDouble(row.path("metrics").path("spend").asText());
      long conversions = row.path("metrics").path("conversion").asLong();
      if (conversions > 0) {
        reported.put(row.path("dimensions").path("ad_id").asText() + "|" + row.path("dimensions").path("stat_time_day").asText().substring(0, 10), conversions);
      }
    }
    assertThat(spend).isPositive();
    Map<String, Long> expected = new TreeMap<>(sent.expectedConversions());
    expected.values().removeIf(v -> v == 0);
    assertThat(reported).isEqualTo(expected);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
