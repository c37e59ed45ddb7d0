package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Will these numbers still change?": with every purchase arriving two hours after it happened,
 * the advertiser's day so far (10.5 h in São Paulo) still misses its last two hours, about 19 %,
 * and yesterday is complete; the Reports page says so.
 */
class ArrivalTest {
  @TempDir Path dir;

  @Test
  void the_share_of_recent_days_still_to_arrive_follows_how_late_events_arrive() throws Exception {
    try (Server server = new Server(dir)) {
      String path = "/api/v1/advertisers/" + server.advertiser.id() + "/arrival";
      assertThat(server.get(path).body().path("data").path("note").asText()).startsWith("Fewer than 100 business events");
      StringBuilder events = new StringBuilder();
      for (int i = 0; i < 150; i++) {
        events.append(i == 0 ? "" : ",").append("{\"event\":\"Purchase\",\"event_id\":\"late-").append(i).append("\",\"event_time\":")
            .append(server.epoch() - 7_200 - i).append(",\"properties\":{\"value\":1,\"currency\":\"BRL\"}}");
      }
      assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id()
          + "\",\"data\":[" + events + "]}").code()).isZero();
      server.settle();
      JsonNode answer = server.get(path).body().path("data");
      assertThat(answer.path("based_on_events").asLong()).isEqualTo(150);
      assertThat(answer.path("arrived_within_one_hour_percent").asDouble()).isZero();
      JsonNode days = answer.path("days");
      assertThat(days).hasSize(1);
      assertThat(days.get(0).path("date").asText()).isEqualTo("2026-03-08");
      assertThat(days.get(0).path("still_to_arrive_percent").asDouble()).isCloseTo(100.0 * 2 / 10.5, within(1.5));
      assertThat(server.get(path + "?days=29").code()).isEqualTo(40002);

      server.truecount.users().create("ana", "correct horse battery staple", io.truecount.core.Role.ANALYST, server.advertiser.id());
      UiClient ui = UiClient.signedIn(server.base, "ana", "correct horse battery staple");
      String page = ui.get("/ui/a/" + server.advertiser.id() + "/reports?time_basis=conversion&start_date=2026-03-02&end_date=2026-03-08").body();
      assertThat(page).containsPattern("data-arriving>Still arriving: today ~1[89]\\.[0-9] %");
      assertThat(ui.get("/ui/a/" + server.advertiser.id() + "/reports?start_date=2026-03-01&end_date=2026-03-07").body())
          .as("a range without today").doesNotContain("data-arriving");
    }
  }
}
