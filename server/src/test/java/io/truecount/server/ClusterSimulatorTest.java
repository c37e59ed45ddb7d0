package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import io.truecount.store.SqliteAdsStore;
import io.truecount.store.SqliteCatalog;
import io.truecount.store.pg.PostgresStore;
import io.truecount.testkit.TestKafka;
import io.truecount.testkit.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's store traffic split over two nodes (child JVMs) on Kafka (4 partitions) and
 * PostgreSQL; node B is killed with SIGKILL mid-run (between two requests: the simulator sends one
 * at a time, so nothing is in flight) and restarted later, node A carrying the traffic meanwhile.
 * Afterwards both nodes give, byte for byte, the reports of one embedded node that received the
 * same traffic.
 */
class ClusterSimulatorTest {
  private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  private static final String ADVERTISER = "7200000000000001";
  private static final int USERS = 400;
  private static final int KILL_AT = 5;
  private static final int RESTART_AT = 9;
  @TempDir Path dir;

  private record Deployment(String token, String testCode, List<DemoAccount.AdPlan> ads) {}

  @Test
  void the_simulator_split_over_two_nodes_one_killed_and_restarted_gives_the_embedded_reports() throws Exception {
    PostgresStore.Settings db = new PostgresStore.Settings(TestPostgres.newDatabase(), "postgres", "postgres", 4);
    Deployment cluster;
    try (PostgresStore store = PostgresStore.open(db)) {
      cluster = provision(store.catalog(), store.ads());
    }
    Path embeddedDir = Files.createDirectories(dir.resolve("embedded"));
    Deployment embedded;
    try (SqliteCatalog catalog = new SqliteCatalog(embeddedDir.resolve("catalog.db")); SqliteAdsStore ads = new SqliteAdsStore(embeddedDir.resolve("ads.db"))) {
      embedded = provision(catalog, ads);
    }
    Map<String, String> env = Map.of("TRUECOUNT_STORE_KIND", "postgresql", "TRUECOUNT_STORE_POSTGRESQL_URL", db.url(), "TRUECOUNT_STORE_POSTGRESQL_USER", "postgres",
        "TRUECOUNT_STORE_POSTGRESQL_PASSWORD", "postgres", "TRUECOUNT_LOG_KIND", "kafka", "TRUECOUNT_LOG_KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrap(),
        "TRUECOUNT_LOG_KAFKA_TOPIC", "simulated-" + System.nanoTime(), "TRUECOUNT_LOG_KAFKA_REPLICATION_FACTOR", "1", "TRUECOUNT_LOG_KAFKA_PARTITIONS", "4",
        "TRUECOUNT_LOG_KAFKA_SESSION_TIMEOUT_SECONDS", "2");
    Instant now = Instant.now();
    try (ChildServer a = new ChildServer(dir.resolve("a"), dir.resolve("a.log"), env); ChildServer b = new ChildServer(dir.resolve("b"), dir.resolve("b.log"), env);
        ChildServer one = new ChildServer(embeddedDir, dir.resolve("embedded.log"))) {
      a.start();
      b.start();
      one.start();
      AtomicInteger requests = new AtomicInteger();
      boolean[] bUp = {true};
      new DemoTraffic(() -> {
        int n = requests.incrementAndGet();
        try {
          if (n == KILL_AT) {
            b.kill();
            bUp[0] = false;
          } else if (n == RESTART_AT) {
            b.start();
            bUp[0] = true;
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return bUp[0] && n % 2 == 0 ? b.base() : a.base();
      }, cluster.token(), ChildServer.PIXEL, cluster.testCode(), now, 42, cluster.ads(), ZONE).send(USERS);
      new DemoTraffic(one.base(), embedded.token(), ChildServer.PIXEL, embedded.testCode(), now, 42, embedded.ads(), ZONE).send(USERS);
      assertThat(requests.get()).as("B was killed and restarted mid-run").isGreaterThan(RESTART_AT + 2);

      awaitNoLag(one);
      String expected = reports(one, embedded.token());
      assertThat(expected).doesNotContain("\"code\"");
      assertThat(settledReports(a, cluster.token(), expected)).as("through node A").isEqualTo(expected);
      assertThat(settledReports(b, cluster.token(), expected)).as("through node B (killed and restarted)").isEqualTo(expected);
    }
  }

  private static Deployment provision(Catalog catalog, AdsStore store) {
    String token = ChildServer.provision(catalog);
    SecureRandom random = new SecureRandom();
    AdsAdmin admin = new AdsAdmin(catalog, store, Clock.systemUTC(), random, advertiser -> SharedChanges.announceAdsChange(catalog, random));
    return new Deployment(token, catalog.source(ChildServer.PIXEL).orElseThrow().testEventCode(), DemoAccount.createAds(admin, ADVERTISER, ChildServer.PIXEL));
  }

  /** The embedded node's lag is exact (events): polls {@code /ready} until it is 0 (bounded). */
  private static void awaitNoLag(ChildServer node) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!get(node, "/ready", "Bearer child-admin").contains("\"pipeline_lag_events\":0,")) {
      assertThat(System.nanoTime()).as("embedded node caught up within 60 s").isLessThan(deadline);
    }
  }

  /**
   * The node's reports once they equal {@code expected}, or the last seen after 90 s: a node still
   * replaying a partition answers 503, a node behind answers less.
   */
  private static String settledReports(ChildServer node, String token, String expected) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      String now = reports(node, token);
      if (now.equals(expected) || System.nanoTime() > deadline) {
        return now;
      }
    }
  }

  private static String reports(ChildServer node, String token) throws Exception {
    LocalDate end = Instant.now().atZone(ZONE).toLocalDate();
    String range = "&start_date=" + end.minusDays(6) + "&end_date=" + end;
    StringBuilder all = new StringBuilder();
    for (String level : new String[] {"campaign", "adgroup", "ad"}) {
      for (String basis : new String[] {"impression", "conversion"}) {
        all.append(get(node, "/api/v1/reports?advertiser_id=" + ADVERTISER + "&level=" + level + "&time_basis=" + basis + range, "Bearer child-admin")).append('\n');
      }
    }
    all.append(get(node, "/open_api/v1.3/report/integrated/get/?advertiser_id=" + ADVERTISER + "&data_level=AUCTION_AD&dimensions=%5B%22ad_id%22,%22stat_time_day%22%5D"
        + "&metrics=%5B%22conversion%22,%22spend%22,%22real_time_conversion%22%5D" + range + "&page_size=1000", token));
    return all.toString();
  }

  /** The answer's {@code data} (request ids differ between answers), or the whole answer when it is not OK. */
  private static String get(ChildServer node, String path, String credential) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path)).timeout(Duration.ofSeconds(30));
    request = credential.startsWith("Bearer ") ? request.header("Authorization", credential) : request.header("Access-Token", credential);
    HttpResponse<String> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    var body = io.truecount.wire.Json.MAPPER.readTree(r.body());
    return body.path("code").asInt(-1) == 0 ? body.path("data").toString() : r.statusCode() + " " + r.body();
  }
}
