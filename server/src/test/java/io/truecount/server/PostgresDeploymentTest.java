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

  @Test
  void raw_emails_and_phones_never_reach_postgresql_or_kafka() throws Exception {
    String topic = "canary-" + System.nanoTime();
    Map<String, String> settings = new java.util.HashMap<>(postgres());
    settings.putAll(Map.of("log.kind", "kafka", "log.kafka.bootstrap-servers", io.truecount.testkit.TestKafka.bootstrap(), "log.kafka.topic", topic,
        "log.kafka.replication-factor", "1"));
    String email = "Canary.7f3a@Example.com";
    String phone = "+55 11 99876-5432";
    try (Server server = new Server(postgresDir, settings)) {
      long now = server.epoch();
      assertThat(server.post("/open_api/v1.3/event/track/", ("{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[{\"event\":\"Purchase\","
          + "\"event_time\":%d,\"event_id\":\"c1\",\"user\":{\"email\":\"%s\",\"phone\":\"%s\",\"external_id\":\"%s\"},"
          + "\"properties\":{\"customer_email\":\"%s\"},\"page\":{\"url\":\"https://shop.example/thanks?email=%s\"}}]}")
          .formatted(server.pixel.id(), now, email, phone, email, email, email.replace("@", "%40"))).code()).isZero();
      server.settle();
      String url = settings.get("store.postgresql.url");
      try (java.sql.Connection db = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
          java.sql.Statement st = db.createStatement();
          java.sql.ResultSet tables = db.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
        java.util.List<String> names = new java.util.ArrayList<>();
        while (tables.next()) {
          names.add(tables.getString("TABLE_NAME"));
        }
        assertThat(names).contains("log_batches", "touches", "sources");
        for (String table : names) {
          try (java.sql.ResultSet rows = st.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
            while (rows.next()) {
              assertThat(rows.getString(1)).as(table).doesNotContainIgnoringCase("canary.7f3a").doesNotContain("99876-5432").doesNotContain("998765432");
            }
          }
        }
      }
      java.util.Properties p = new java.util.Properties();
      p.put("bootstrap.servers", io.truecount.testkit.TestKafka.bootstrap());
      try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(p, new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
          new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
        var partitions = consumer.partitionsFor(topic).stream().map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
        assertThat(partitions).hasSize(12);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        var end = consumer.endOffsets(partitions);
        int records = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
          for (var r : consumer.poll(java.time.Duration.ofSeconds(1))) {
            records++;
            String raw = new String(r.value(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContainIgnoringCase("canary.7f3a").doesNotContain("99876-5432").doesNotContain("998765432");
          }
        }
        assertThat(records).isPositive();
      }
    }
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
