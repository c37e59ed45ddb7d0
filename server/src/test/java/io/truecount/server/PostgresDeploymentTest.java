package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.demo.DemoAccount;
import io.truecount.server.demo.DemoTraffic;
import io.truecount.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same Truecount on PostgreSQL (a real PostgreSQL 17), and with its event log on Kafka (a real
 * KRaft broker): the simulator's traffic gives byte-for-byte the reports the embedded deployment
 * gives, before and after a restart.
 */
class PostgresDeploymentTest {
  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");
  @TempDir Path embeddedDir;
  @TempDir Path postgresDir;

  @Test
  void reports_on_postgresql_equal_the_embedded_ones_and_survive_a_restart() throws Exception {
    sameAsEmbedded(postgres());
  }

  @Test
  void reports_on_kafka_and_postgresql_equal_the_embedded_ones_and_survive_a_restart() throws Exception {
    Map<String, String> settings = new java.util.HashMap<>(postgres());
    settings.putAll(Map.of("log.kind", "kafka", "log.kafka.bootstrap-servers", io.truecount.testkit.TestKafka.bootstrap(),
        "log.kafka.topic", "events-" + System.nanoTime(), "log.kafka.replication-factor", "1"));
    sameAsEmbedded(settings);
  }

  private static Map<String, String> postgres() {
    return Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres", "store.postgresql.pool-size", "8");
  }

  private void sameAsEmbedded(Map<String, String> pg) throws Exception {
    String embeddedReports;
    String embeddedHealth;
    try (Server embedded = new Server(embeddedDir)) {
      load(embedded);
      embeddedReports = reports(embedded);
      embeddedHealth = health(embedded);
    }
    Server onPostgres = new Server(postgresDir, pg);
    try {
      load(onPostgres);
      assertThat(reports(onPostgres)).isEqualTo(embeddedReports);
      assertThat(health(onPostgres)).isEqualTo(embeddedHealth);
      assertThat(postgresDir.resolve("log.db")).as("nothing in the data directory: it all went to PostgreSQL").doesNotExist();
      assertThat(embeddedDir.resolve("log.db")).exists();
    } finally {
      onPostgres.close();
    }
    try (Server restarted = Server.restart(postgresDir, onPostgres, pg)) {
      restarted.settle();
      assertThat(reports(restarted)).as("rebuilt from PostgreSQL after a restart").isEqualTo(embeddedReports);
    }
  }

  private static void load(Server server) throws Exception {
    var ads = DemoAccount.createAds(server.truecount.ads(), server.advertiser.id(), server.pixel.id());
    new DemoTraffic(server.base, server.token, server.pixel.id(), server.pixel.testEventCode(), server.clock.instant(), 42, ads, ZONE).send(200);
    server.settle();
  }

  private static String reports(Server server) {
    LocalDate end = server.clock.instant().atZone(ZONE).toLocalDate();
    String range = "&start_date=" + end.minusDays(6) + "&end_date=" + end;
    StringBuilder all = new StringBuilder();
    for (String level : new String[] {"campaign", "adgroup", "ad"}) {
      for (String basis : new String[] {"impression", "conversion"}) {
        JsonNode data = server.get("/api/v1/reports?advertiser_id=" + server.advertiser.id() + "&level=" + level + "&time_basis=" + basis + range).body().path("data");
        assertThat(data.size()).isPositive();
        all.append(data).append('\n');
      }
    }
    all.append(server.get("/open_api/v1.3/report/integrated/get/?advertiser_id=" + server.advertiser.id() + "&data_level=AUCTION_AD&dimensions="
        + "%5B%22ad_id%22,%22stat_time_day%22%5D&metrics=%5B%22conversion%22,%22spend%22,%22real_time_conversion%22%5D" + range.replace("&start", "&start")
        + "&page_size=1000", server.token).body().path("data"));
    return all.toString();
  }

  private static String health(Server server) {
    JsonNode h = server.get("/api/v1/sources/" + server.pixel.id() + "/health").body().path("data");
    return h.path("events").toString() + h.path("rejected_by_code");
  }
}
