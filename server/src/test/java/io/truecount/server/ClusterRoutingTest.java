package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.SourceKind;
import io.truecount.testkit.TestKafka;
import io.truecount.testkit.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on Kafka (4 partitions) and PostgreSQL, six advertisers: each node processes only its
 * partitions, and either node answers for every advertiser (forwarding to the owner) exactly what
 * one embedded node given the same requests answers: source health, reports, the checklist, the
 * live Test Events stream and the web UI.
 */
class ClusterRoutingTest {
  private static final int ADVERTISERS = 6;
  private static final String[] EMAILS = {
      "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f", "a".repeat(64), "b".repeat(64), "c".repeat(64)};
  @TempDir Path a;
  @TempDir Path b;
  @TempDir Path embeddedDir;

  private record Tenant(String advertiser, String pixel, String token) {}

  @Test
  void either_node_answers_for_every_advertiser_what_one_embedded_node_answers() throws Exception {
    Map<String, String> cluster = Map.of("store.kind", "postgresql", "store.postgresql.url", TestPostgres.newDatabase(),
        "store.postgresql.user", "postgres", "store.postgresql.password", "postgres", "log.kind", "kafka",
        "log.kafka.bootstrap-servers", TestKafka.bootstrap(), "log.kafka.topic", "routing-" + System.nanoTime(),
        "log.kafka.replication-factor", "1", "log.kafka.partitions", "4", "log.kafka.session-timeout-seconds", "2");
    try (Server nodeA = new Server(a, cluster); Server nodeB = Server.restart(b, nodeA, cluster); Server embedded = new Server(embeddedDir)) {
      List<Tenant> onCluster = tenants(nodeA);
      List<Tenant> onEmbedded = tenants(embedded);
      for (int k = 0; k < ADVERTISERS; k++) {
        campaign(List.of(nodeA), onCluster.get(k), k);
        campaign(List.of(embedded), onEmbedded.get(k), k);
        send(List.of(nodeA, nodeB), onCluster.get(k), k);
        send(List.of(embedded), onEmbedded.get(k), k);
      }
      nodeB.truecount.followShared();
      nodeA.truecount.followShared();
      for (Server s : List.of(nodeA, nodeB, embedded)) {
        s.settle();
      }
      assertThat(nodeA.truecount.pipeline().owned()).as("each node processes some partitions").isNotEmpty();
      assertThat(nodeB.truecount.pipeline().owned()).isNotEmpty().doesNotContainAnyElementsOf(nodeA.truecount.pipeline().owned());
      JsonNode readyA = nodeA.get("/ready").body().path("data");
      JsonNode readyB = nodeB.get("/ready").body().path("data");
      Set<Integer> reported = new HashSet<>();
      for (JsonNode ready : List.of(readyA, readyB)) {
        assertThat(ready.path("partitions_serving")).as("/ready lists the partitions a node answers for").isEqualTo(ready.path("partitions_owned"));
        ready.path("partitions_owned").forEach(n -> reported.add(n.asInt()));
      }
      assertThat(reported).as("between them the nodes own all four partitions").containsExactlyInAnyOrder(0, 1, 2, 3);

      Set<String> servers = new HashSet<>();
      for (int k = 0; k < ADVERTISERS; k++) {
        Tenant t = onCluster.get(k);
        for (String path : paths(t, nodeA)) {
          Server.Reply expected = embedded.get(path);
          Server.Reply viaA = nodeA.get(path);
          Server.Reply viaB = nodeB.get(path);
          assertThat(viaA.status()).as(path + " via A: " + viaA.body()).isEqualTo(200);
          assertThat(viaA.body().path("data")).as(path + " via A").isEqualTo(expected.body().path("data"));
          assertThat(viaB.body().path("data")).as(path + " via B").isEqualTo(expected.body().path("data"));
          String servedA = viaA.headers().get("x-truecount-node").get(0);
          assertThat(viaB.headers().get("x-truecount-node")).as("both answers come from the advertiser's owner").containsExactly(servedA);
          servers.add(servedA);
        }
      }
      assertThat(servers).as("the advertisers are spread over both nodes").hasSize(2);
      testEventsStreamThroughEitherNode(nodeA, nodeB, onCluster);
      webUiThroughEitherNode(nodeA, nodeB, onCluster);
    }
  }

  /** Source health, events by name, a campaign report and the campaign checklist: answers that depend on the pipeline. */
  private static List<String> paths(Tenant t, Server node) {
    LocalDate today = node.clock.instant().atZone(ZoneId.of("America/Sao_Paulo")).toLocalDate();
    String report = "/api/v1/reports?advertiser_id=" + t.advertiser() + "&level=ad&granularity=day&start_date=" + today.minusDays(2) + "&end_date=" + today;
    return List.of("/api/v1/sources/" + t.pixel() + "/health", report, report.replace("level=ad", "level=campaign").replace("granularity=day", "granularity=total"));
  }

  /** Subscribes through the node that does not own the advertiser; the test event is sent to the other node. */
  private static void testEventsStreamThroughEitherNode(Server nodeA, Server nodeB, List<Tenant> tenants) throws Exception {
    for (Tenant t : List.of(tenants.get(0), tenants.get(1), tenants.get(2))) {
      String owner = nodeA.get("/api/v1/sources/" + t.pixel() + "/health").headers().get("x-truecount-node").get(0);
      Server notOwner = owner.equals(nodeA.base) ? nodeB : nodeA;
      Server sender = notOwner == nodeA ? nodeB : nodeA;
      String code = notOwner.truecount.admin().source(t.pixel()).testEventCode();
      HttpRequest subscribe = HttpRequest.newBuilder(URI.create(notOwner.base + "/api/v1/sources/" + t.pixel() + "/test-events/stream"))
          .header("Authorization", "Bearer " + Server.ADMIN).build();
      HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(subscribe, HttpResponse.BodyHandlers.ofLines());
      assertThat(stream.statusCode()).isEqualTo(200);
      CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> stream.body().filter(line -> line.contains("stream-check-" + t.pixel())).findFirst().orElse(""));
      Server.Reply sent = sender.post("/open_api/v1.3/event/track/", t.token(), ("{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"test_event_code\":\"%s\","
          + "\"data\":[{\"event\":\"ViewContent\",\"event_id\":\"stream-check-%s\",\"event_time\":%d}]}").formatted(t.pixel(), code, t.pixel(), nodeA.epoch()));
      assertThat(sent.code()).as(sent.body().toString()).isZero();
      assertThat(seen.get(30, TimeUnit.SECONDS)).as("the test event arrives on the stream opened at the other node").contains("stream-check-");
      stream.body().close();
    }
  }

  /** One browser session, pages of every advertiser through both nodes: the owner renders each. */
  private static void webUiThroughEitherNode(Server nodeA, Server nodeB, List<Tenant> tenants) {
    nodeA.truecount.users().create("ana", "correct horse battery staple", io.truecount.core.Role.ADMIN, io.truecount.core.User.ALL_ADVERTISERS);
    UiClient onA = UiClient.signedIn(nodeA.base, "ana", "correct horse battery staple");
    UiClient onB = onA.at(nodeB.base);
    for (Tenant t : tenants) {
      String page = "/ui/a/" + t.advertiser() + "/events";
      String owner = nodeA.get("/api/v1/sources/" + t.pixel() + "/health").headers().get("x-truecount-node").get(0);
      HttpResponse<String> viaA = onA.get(page);
      HttpResponse<String> viaB = onB.get(page);
      assertThat(viaA.statusCode()).isEqualTo(200);
      assertThat(viaB.statusCode()).isEqualTo(200);
      assertThat(viaA.headers().firstValue("X-Truecount-Node")).contains(owner);
      assertThat(viaB.headers().firstValue("X-Truecount-Node")).contains(owner);
      assertThat(viaB.body()).isEqualTo(viaA.body()).contains(t.pixel());
    }
  }

  private static List<Tenant> tenants(Server node) {
    List<Tenant> tenants = new ArrayList<>();
    tenants.add(new Tenant(node.advertiser.id(), node.pixel.id(), node.token));
    for (int k = 1; k < ADVERTISERS; k++) {
      var adv = node.truecount.admin().createAdvertiser(Optional.of("700000000000001" + k), "Loja " + k, "America/Sao_Paulo", "BRL", "BR");
      var pixel = node.truecount.admin().createSource(adv.id(), SourceKind.WEB, Optional.of("CTESTPIXEL00000000" + (10 + k)), "site", false);
      tenants.add(new Tenant(adv.id(), pixel.id(), node.truecount.admin().createToken(adv.id(), Optional.empty()).secret()));
    }
    return tenants;
  }

  private static void campaign(List<Server> nodes, Tenant t, int k) {
    Server node = nodes.get(0);
    String campaign = "18000000000000000" + (10 + k);
    String group = "18100000000000000" + (10 + k);
    String ad = "18200000000000000" + (10 + k);
    ok(node.admin("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"%s\",\"campaign_id\":\"%s\",\"campaign_name\":\"Sale\",\"objective_type\":\"SALES\"}"
        .formatted(t.advertiser(), campaign)));
    ok(node.admin("POST", "/api/v1/adgroups", ("{\"campaign_id\":\"%s\",\"adgroup_id\":\"%s\",\"adgroup_name\":\"g\",\"event_source_id\":\"%s\","
        + "\"optimization_event\":\"Purchase\",\"publish\":true}").formatted(campaign, group, t.pixel())));
    ok(node.admin("POST", "/api/v1/ads", "{\"adgroup_id\":\"%s\",\"ad_id\":\"%s\",\"ad_name\":\"v\"}".formatted(group, ad)));
    long now = node.epoch();
    ok(node.post("/api/v1/touches", t.token(), "{\"touches\":[{\"touch_id\":\"c%d\",\"kind\":\"click\",\"ad_id\":\"%s\",\"time\":%d,\"user\":{\"email\":\"%s\"}}]}"
        .formatted(k, ad, now - 7200, EMAILS[k % EMAILS.length])));
  }

  /** Purchases (some matching the click's email), a browser and server copy of every fifth, alternating between the nodes. */
  private static void send(List<Server> nodes, Tenant t, int k) {
    long now = nodes.get(0).epoch();
    for (int i = 0; i < 12 + k; i++) {
      String email = EMAILS[(k + i) % EMAILS.length];
      String body = ("{\"event_source\":\"web\",\"event_source_id\":\"%s\",\"data\":[{\"event\":\"Purchase\",\"event_id\":\"o%d-%d\",\"event_time\":%d,"
          + "\"user\":{\"email\":\"%s\"},\"properties\":{\"value\":%d.5,\"currency\":\"BRL\"}}]}").formatted(t.pixel(), k, i, now - 600 + i, email, 10 + i);
      ok(nodes.get(i % nodes.size()).post("/open_api/v1.3/event/track/", t.token(), body));
      if (i % 5 == 0) {
        ok(nodes.get((i + 1) % nodes.size()).post("/open_api/v1.3/pixel/track/", t.token(), ("{\"pixel_code\":\"%s\",\"event\":\"Purchase\",\"event_id\":\"o%d-%d\","
            + "\"timestamp\":\"%s\",\"context\":{\"user\":{\"email\":\"%s\"}},\"properties\":{\"value\":%d.5,\"currency\":\"BRL\"}}")
            .formatted(t.pixel(), k, i, java.time.Instant.ofEpochSecond(now - 590 + i), email, 10 + i)));
      }
    }
  }

  private static void ok(Server.Reply reply) {
    assertThat(reply.code()).as(reply.body().toString()).isZero();
  }
}
