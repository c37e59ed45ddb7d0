package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.store.pg.PostgresStore;
import io.truecount.log.kafka.KafkaEventLog;
import io.truecount.testkit.TestKafka;
import io.truecount.testkit.TestPostgres;
import io.truecount.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Truecount nodes (child JVMs) on one PostgreSQL, with the event log in PostgreSQL or on Kafka. Writers split requests across both; a node is
 * killed with SIGKILL mid-run and restarted (B in {@code ./mvnw verify}; the long campaign, {@code benchmarks/crash.sh}, sets
 * {@code truecount.cluster.kills} and kills B and A in turn). Afterwards every acknowledged event is in the shared log exactly once, no
 * request is half-written, both nodes count the same, and their source health equals that of one embedded node whose log holds the same
 * events. On Kafka the topic has 4 partitions: the advertiser's partition is processed by one node, which may be the one killed (the other
 * takes it over and replays it), and the other node forwards questions about it.
 */
class TwoNodeClusterTest {
  private static final int WRITERS = 4;
  private static final int BATCH = 3;
  private static final int KILLS = Integer.getInteger("truecount.cluster.kills", 1);
  /** Acknowledged events between a kill and the restart, and between a restart and the next kill. */
  private static final int PHASE = 300;
  @TempDir Path dir;

  @Test
  void two_nodes_one_killed_nothing_acknowledged_is_lost_or_doubled() throws Exception {
    PostgresStore.Settings db = new PostgresStore.Settings(TestPostgres.newDatabase(), "postgres", "postgres", 4);
    twoNodes(db, env(db), () -> {
      try (PostgresStore store = PostgresStore.open(db); EventLog log = store.eventLog(10, 10_000, n -> { })) {
        return logged(log);
      }
    });
  }

  @Test
  void two_nodes_on_kafka_and_postgresql_one_killed_nothing_acknowledged_is_lost_or_doubled() throws Exception {
    PostgresStore.Settings db = new PostgresStore.Settings(TestPostgres.newDatabase(), "postgres", "postgres", 4);
    String topic = "two-node-" + System.nanoTime();
    Map<String, String> env = new java.util.HashMap<>(env(db));
    env.putAll(Map.of("TRUECOUNT_LOG_KIND", "kafka", "TRUECOUNT_LOG_KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrap(), "TRUECOUNT_LOG_KAFKA_TOPIC", topic,
        "TRUECOUNT_LOG_KAFKA_REPLICATION_FACTOR", "1", "TRUECOUNT_LOG_KAFKA_PARTITIONS", "4", "TRUECOUNT_LOG_KAFKA_SESSION_TIMEOUT_SECONDS", "2"));
    twoNodes(db, env, () -> {
      var settings = new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1, 4, Duration.ofSeconds(2));
      try (EventLog log = new KafkaEventLog(settings, e -> 0, 10, 10_000, n -> { })) {
        return logged(log);
      }
    });
  }

  private static Map<String, String> env(PostgresStore.Settings db) {
    return Map.of("TRUECOUNT_STORE_KIND", "postgresql", "TRUECOUNT_STORE_POSTGRESQL_URL", db.url(),
        "TRUECOUNT_STORE_POSTGRESQL_USER", "postgres", "TRUECOUNT_STORE_POSTGRESQL_PASSWORD", "postgres", "TRUECOUNT_STORE_POSTGRESQL_POOL_SIZE", "6");
  }

  /** Every event in the shared log, read the way the deployment stores it (each partition in order). */
  private interface LogCounter {
    List<io.truecount.core.Event> events();
  }

  private void twoNodes(PostgresStore.Settings db, Map<String, String> env, LogCounter counter) throws Exception {
    String token;
    try (PostgresStore store = PostgresStore.open(db)) {
      token = ChildServer.provision(store.catalog());
    }
    AckLedger ledger = new AckLedger("two-node-");
    Set<String> acknowledged = ledger.acknowledged;
    Map<String, List<String>> requests = ledger.requests;
    try (ChildServer a = new ChildServer(dir.resolve("a"), dir.resolve("a.log"), env);
        ChildServer b = new ChildServer(dir.resolve("b"), dir.resolve("b.log"), env)) {
      a.start();
      b.start();
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch[] phases = new CountDownLatch[2 * KILLS + 1];
      for (int i = 0; i < phases.length; i++) {
        phases[i] = new CountDownLatch(PHASE * (i + 1));
      }
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        Thread t = new Thread(() -> write(List.of(a, b), token, stop, ledger, phases));
        t.start();
        writers.add(t);
      }
      for (int kill = 0; kill < KILLS; kill++) {
        ChildServer victim = kill % 2 == 0 ? b : a;
        phases[2 * kill].await();
        victim.kill();
        phases[2 * kill + 1].await();
        victim.start();
      }
      phases[2 * KILLS].await();
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
      List<io.truecount.core.Event> logged = counter.events();
      Map<String, Integer> counts = new HashMap<>();
      logged.forEach(e -> counts.merge(e.eventId(), 1, Integer::sum));
      assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(PHASE * (2 * KILLS + 1));
      for (String id : acknowledged) {
        assertThat(counts.get(id)).as("acknowledged event %s", id).isEqualTo(1);
      }
      counts.values().forEach(n -> assertThat(n).isEqualTo(1));
      for (List<String> ids : requests.values()) {
        assertThat(ids.stream().filter(counts::containsKey).count()).as("request %s whole or not at all", ids).isIn(0L, (long) ids.size());
      }
      assertThat(caughtUpCount(a, counts.size())).as("node A counts every logged event once").isEqualTo(counts.size());
      assertThat(caughtUpCount(b, counts.size())).as("node B (restarted) counts the same").isEqualTo(counts.size());
      assertThat(health(b)).as("both nodes answer the same").isEqualTo(health(a));
      assertThat(health(a)).as("the cluster answers what one embedded node fed the same log answers").isEqualTo(embeddedHealth(logged, counts.size()));
      System.out.printf("cluster kill campaign: %d kills, %d acknowledged events, all present once, both nodes count %d%n", KILLS, acknowledged.size(),
          counts.size());
    }
  }

  private static List<io.truecount.core.Event> logged(EventLog log) {
    List<io.truecount.core.Event> events = new ArrayList<>();
    for (int partition = 0; partition < log.partitions(); partition++) {
      long from = log.firstSeq(partition);
      List<LoggedEvent> page;
      while (!(page = log.read(from, 10_000)).isEmpty()) {
        page.forEach(e -> events.add(e.event()));
        from = page.get(page.size() - 1).seq() + 1;
      }
    }
    return events;
  }

  /** One embedded node (SQLite) whose log holds the same events in the same order, started as a child like the others. */
  private JsonNode embeddedHealth(List<io.truecount.core.Event> logged, long expected) throws Exception {
    Path embedded = dir.resolve("embedded");
    java.nio.file.Files.createDirectories(embedded);
    try (var catalog = new io.truecount.store.SqliteCatalog(embedded.resolve("catalog.db"))) {
      ChildServer.provision(catalog);
    }
    try (var log = new io.truecount.store.SqliteEventLog(embedded.resolve("log.db"), 100, 10_000_000, n -> { })) {
      for (int i = 0; i < logged.size(); i += 1_000) {
        log.append(logged.subList(i, Math.min(logged.size(), i + 1_000))).get();
      }
    }
    try (ChildServer node = new ChildServer(embedded, dir.resolve("embedded.log"), Map.of())) {
      node.start();
      assertThat(caughtUpCount(node, expected)).isEqualTo(expected);
      return health(node);
    }
  }

  /** The source's health per event name (counts, dedup, connection method, match quality); rolling-window counts left out. */
  private static JsonNode health(ChildServer node) throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/sources/" + ChildServer.PIXEL + "/health"))
        .header("Authorization", "Bearer child-admin").build(), HttpResponse.BodyHandlers.ofString());
    JsonNode events = Json.MAPPER.readTree(r.body()).path("data").path("events").deepCopy();
    for (JsonNode e : events) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove(List.of("last_hour", "last_24_hours", "last_7_days"));
    }
    return events;
  }

  /** The node's counted Purchases once its pipeline has read the whole shared log (polls its health, bounded). */
  private static long caughtUpCount(ChildServer node, long expected) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long counted = -1;
    while (counted != expected && System.nanoTime() < deadline) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(node.base() + "/api/v1/sources/" + ChildServer.PIXEL + "/health"))
          .header("Authorization", "Bearer child-admin").build(), HttpResponse.BodyHandlers.ofString());
      counted = 0;
      for (JsonNode e : Json.MAPPER.readTree(r.body()).path("data").path("events")) {
        counted += e.path("counted").asLong();
      }
    }
    return counted;
  }

  private static void write(List<ChildServer> nodes, String token, AtomicBoolean stop, AckLedger ledger, CountDownLatch[] phases) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int turn = 0;
    while (!stop.get()) {
      try {
        int acked = ledger.send(http, nodes.get(turn++ % nodes.size()).base(), token, BATCH);
        for (CountDownLatch phase : phases) {
          for (int i = 0; i < acked; i++) {
            phase.countDown();
          }
        }
      } catch (IOException e) {
        // the node is down (killed) or restarting: not acknowledged, go on with the next node
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
