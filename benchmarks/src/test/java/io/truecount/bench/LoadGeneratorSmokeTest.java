package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.server.ConfigLoader;
import io.truecount.server.Truecount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short smoke of the load generator against a real server (the real runs are in docs/benchmarks.md). */
class LoadGeneratorSmokeTest {
  @TempDir Path dir;

  @Test
  void batches_and_test_event_latency_run_against_a_live_server() throws Exception {
    try (Truecount server = Truecount.start(ConfigLoader.load(null, Map.of(),
        Map.of("http.port", "0", "data.dir", dir.toString(), "admin.token", "bench")), Clock.systemUTC(), new SecureRandom())) {
      String base = "http://127.0.0.1:" + server.port();
      String[] setup = Setup.run(base, "bench").split(" ");
      LoadGenerator.BatchResult batch = LoadGenerator.batch(base, setup[0], setup[1], 100, 2, Duration.ofSeconds(1));
      assertThat(batch.failures()).isZero();
      assertThat(batch.events()).isGreaterThan(0);
      LoadGenerator.BatchResult raw = new RawBatchSender(base, setup[0], setup[1], 100, Clock.systemUTC()).run(2, Duration.ofSeconds(1));
      assertThat(raw.failures()).isZero();
      assertThat(raw.events()).isEqualTo(raw.requests() * 100).isGreaterThan(0);
      assertThat(server.pipeline().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(dedupKeys(base)).as("every event of the raw sender is new to dedup").isGreaterThanOrEqualTo(raw.events());
      LoadGenerator.BatchResult again = new RawBatchSender(base, setup[0], setup[1], 100, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1)))
          .run(2, Duration.ofSeconds(1));
      assertThat(server.pipeline().awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(dedupKeys(base)).as("a second run against the same server sends new event_ids too").isGreaterThanOrEqualTo(raw.events() + again.events());
      LoadGenerator.LatencyResult latency = LoadGenerator.testLatency(base, setup[0], setup[1], setup[2], "bench", 20);
      assertThat(latency.samples()).isEqualTo(20);
      assertThat(latency.p99Micros()).isLessThan(Duration.ofSeconds(2).toNanos() / 1000);
      assertThat(ReportVisibility.run(base, "bench", setup[0], setup[1], 10, Clock.systemUTC())).startsWith("ack->report samples=10 ");
    }
  }

  private static double dedupKeys(String base) throws Exception {
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    return metrics.lines().filter(l -> l.startsWith("truecount_dedup_keys ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1])).findFirst().orElseThrow();
  }
}
