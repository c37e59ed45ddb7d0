package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.Channel;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.Event;
import io.truecount.core.EventSource;
import io.truecount.core.MatchKey;
import io.truecount.core.SourceKind;
import io.truecount.testkit.Events;
import io.truecount.testkit.InMemoryCatalog;
import io.truecount.testkit.InMemoryEventLog;
import io.truecount.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The log consumer with its real stages over the in-memory log: merges, health, EMQ, windows. */
class PipelineTest {
  private static final Instant T = Instant.parse("2026-11-01T02:30:00Z");
  private static final String PIXEL = "C4SOURCE0000000000001";
  private final TestClock clock = new TestClock(T);
  private final InMemoryEventLog log = new InMemoryEventLog();
  private final InMemoryCatalog catalog = new InMemoryCatalog();
  private final RecentEvents recent = new RecentEvents(100);
  private final SourceHealth health = new SourceHealth(clock);
  private final TestEvents tests = new TestEvents(catalog, 10);
  private final LogConsumer consumer = new LogConsumer(log, new Dedup(16), tests, LiveStage.composite(recent, health)).start();

  PipelineTest() {
    catalog.putAdvertiser(new Advertiser("1", "a", ZoneId.of("America/Sao_Paulo"), "BRL", "BR"));
    catalog.putSource(new EventSource(PIXEL, "1", SourceKind.WEB, "p", "TEST11111", false, T));
    catalog.putToken(new AccessToken("t", "h", "1", null, T, null, null, null));
  }

  @AfterEach
  void stop() {
    consumer.close();
  }

  private void append(Event... events) throws Exception {
    long first = log.append(List.of(events)).get();
    assertThat(consumer.awaitProcessed(first + events.length - 1, Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void a_browser_copy_within_5_minutes_merges_keys_into_the_server_copy() throws Exception {
    Event server = Events.event("Purchase").id("o1").at(T).channel(Channel.SERVER).email("e".repeat(64)).value("10", "BRL").build();
    Event browser = Events.event("Purchase").id("o1").at(T).received(T.plusSeconds(120)).channel(Channel.BROWSER).ttp("ttp-1")
        .url("https://shop.example.com/thanks").property("order_id", "o1").build();
    append(server, browser);
    ProcessedEvent first = recent.find(PIXEL, 1).orElseThrow();
    assertThat(first.event().user().ttp()).isEqualTo("ttp-1");
    assertThat(first.event().user().emails()).containsExactly("e".repeat(64));
    assertThat(first.event().pageUrl()).isEqualTo("https://shop.example.com/thanks");
    assertThat(first.event().properties()).containsEntry("order_id", "o1").containsKey("value");
    assertThat(recent.find(PIXEL, 2).orElseThrow().decision()).isEqualTo(new DedupDecision.Merged(1));
    EventHealth purchase = health.report(PIXEL).events().get(0);
    assertThat(purchase.counted()).isEqualTo(1);
    assertThat(purchase.connectionMethods()).containsEntry(ConnectionMethod.SERVER_AND_BROWSER, 1L).containsEntry(ConnectionMethod.SERVER_ONLY, 0L);
    assertThat(purchase.keyCoverage()).containsEntry(MatchKey.EMAIL, 1.0).containsEntry(MatchKey.TTP, 1.0);
    assertThat(purchase.matchQuality()).isEqualTo(3.0);
    assertThat(purchase.dedupRate()).isEqualTo(0.5);
  }

  @Test
  void a_browser_copy_after_5_minutes_is_dropped_and_keeps_the_method() throws Exception {
    append(Events.event("Purchase").id("o2").at(T).channel(Channel.SERVER).build(),
        Events.event("Purchase").id("o2").at(T).received(T.plusSeconds(301)).channel(Channel.BROWSER).build());
    assertThat(recent.find(PIXEL, 2).orElseThrow().decision()).isInstanceOf(DedupDecision.Dropped.class);
    assertThat(health.report(PIXEL).events().get(0).connectionMethods()).containsEntry(ConnectionMethod.SERVER_ONLY, 1L);
  }

  @Test
  void status_turns_inactive_after_7_days_and_windows_slide() throws Exception {
    append(Events.event("Pageview").at(T).build(), Events.event("Lead").at(T.minusSeconds(3600)).build());
    SourceHealthReport now = health.report(PIXEL);
    assertThat(now.status()).isEqualTo(SourceHealthReport.Status.ACTIVE);
    assertThat(now.receivesBusinessEvents()).isTrue();
    clock.advance(Duration.ofHours(2));
    EventHealth lead = health.report(PIXEL).events().stream().filter(e -> e.event().equals("Lead")).findFirst().orElseThrow();
    assertThat(lead.lastHour()).isZero();
    assertThat(lead.last24Hours()).isEqualTo(1);
    clock.advance(Duration.ofDays(7));
    assertThat(health.report(PIXEL).status()).isEqualTo(SourceHealthReport.Status.NO_RECENT_ACTIVITY);
  }

  @Test
  void test_events_never_reach_dedup_or_health() throws Exception {
    append(Events.event("Purchase").id("t").test("TEST11111").value("1", "BRL").url("https://x.example/thanks").build(),
        Events.event("Purchase").id("t").build());
    assertThat(tests.latest(PIXEL, 10)).hasSize(1);
    assertThat(tests.latest(PIXEL, 10).get(0).passed()).isTrue();
    assertThat(recent.find(PIXEL, 2).orElseThrow().decision()).isEqualTo(new DedupDecision.First());
    assertThat(health.report(PIXEL).events().get(0).counted()).isEqualTo(1);
  }

  @Test
  void filters_by_name_channel_and_outcome() throws Exception {
    append(Events.event("Purchase").id("a").build(), Events.event("Purchase").id("a").build(),
        Events.event("Lead").channel(Channel.BROWSER).build());
    assertThat(recent.list(PIXEL, new RecentEvents.Filter("Lead", null, null), 10)).hasSize(1);
    assertThat(recent.list(PIXEL, new RecentEvents.Filter(null, Channel.BROWSER, null), 10)).hasSize(1);
    assertThat(recent.list(PIXEL, new RecentEvents.Filter(null, null, DedupDecision.Outcome.DROPPED), 10))
        .extracting(ProcessedEvent::seq).containsExactly(2L);
  }

  @Test
  void a_read_goes_through_the_stages_one_after_the_other_and_a_failing_stage_keeps_no_event_from_the_others() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    LiveStage fussy = p -> {
      calls.add("fussy " + p.seq());
      if (p.event().eventId().equals("bad")) {
        throw new IllegalStateException("planted");
      }
    };
    LiveStage after = p -> calls.add("after " + p.seq());
    InMemoryEventLog own = new InMemoryEventLog();
    long first = own.append(List.of(Events.event("Purchase").id("ok1").build(), Events.event("Purchase").id("bad").build(),
        Events.event("Purchase").id("ok2").build())).get();
    try (LogConsumer consumer = new LogConsumer(own, new Dedup(16), tests, LiveStage.composite(fussy, after)).start()) {
      assertThat(consumer.awaitProcessed(first + 2, Duration.ofSeconds(5))).isTrue();
      assertThat(calls).containsExactly("fussy 1", "fussy 2", "fussy 3", "after 1", "after 2", "after 3");
      assertThat(consumer.failures()).isEqualTo(1);
    }
  }
}
