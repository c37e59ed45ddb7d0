package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
  void the_report_per_ad_equals_the_ground_truth_of_the_simulated_journeys() throws Exception {
    List<DemoTraffic.AdPlan> ads = DemoTraffic.createAds(server.truecount.ads(), server.advertiser.id(), server.pixel.id());
    DemoTraffic.Sent sent = new DemoTraffic(server.base, server.token, server.pixel.id(), server.pixel.testEventCode(), server.clock.instant(), 7, ads)
        .send(300);
    assertThat(sent.touches()).isGreaterThan(50);
    assertThat(sent.expectedConversions().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(20);
    server.settle();
    LocalDate today = server.clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate();
    Server.Reply reply = server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + server.advertiser.id()
        + "&report_type=BASIC&data_level=AUCTION_AD&dimensions=" + enc("[\"ad_id\"]") + "&metrics=" + enc("[\"conversion\",\"spend\",\"impressions\"]")
        + "&start_date=" + today.minusDays(10) + "&end_date=" + today, server.token);
    assertThat(reply.code()).as(reply.body().toString()).isZero();
    Map<String, Long> reported = new TreeMap<>();
    for (JsonNode row : reply.body().path("data").path("list")) {
      assertThat(Double.parseDouble(row.path("metrics").path("spend").asText())).isPositive();
      long conversions = row.path("metrics").path("conversion").asLong();
      if (conversions > 0) {
        reported.put(row.path("dimensions").path("ad_id").asText(), conversions);
      }
    }
    Map<String, Long> expected = new TreeMap<>(sent.expectedConversions());
    expected.values().removeIf(v -> v == 0);
    assertThat(reported).isEqualTo(expected);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
