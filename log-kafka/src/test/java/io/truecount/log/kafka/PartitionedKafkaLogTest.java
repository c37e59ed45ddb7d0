package io.truecount.log.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.core.spi.LogSubscription;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.core.spi.PartitionListener;
import io.truecount.core.spi.Partitioning;
import io.truecount.core.spi.Seqs;
import io.truecount.testkit.Events;
import io.truecount.testkit.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A topic with several partitions: each source's events stay together and in order, and the
 * pipeline's consumer group gives each partition to one node, which resumes a partition it gets
 * back where it stopped, so every event reaches each node's state at most once.
 */
class PartitionedKafkaLogTest {
  private static final AtomicInteger TOPICS = new AtomicInteger();
  private static final Partitioning PARTITIONING = new Partitioning(6);

  private static KafkaEventLog open(String topic) {
    var settings = new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1, PARTITIONING.partitions(), Duration.ofSeconds(2));
    return new KafkaEventLog(settings, e -> PARTITIONING.of(e.sourceId()), 1_000, 100_000, n -> { });
  }

  private static String topic() {
    return "truecount-partitioned-" + TOPICS.incrementAndGet();
  }

  private static Event event(String source, int i) {
    return Events.event("Purchase").source(source).id(source + "-" + i).at(Instant.parse("2026-03-29T00:30:00Z").plusSeconds(i)).build();
  }

  private static List<String> append(KafkaEventLog log, int from, int to) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String source = "src" + (i % 9);
      long seq = log.append(List.of(event(source, i))).get();
      assertThat(Seqs.partition(seq)).isEqualTo(PARTITIONING.of(source));
      ids.add(source + "-" + i);
    }
    return ids;
  }

  @Test
  void each_partition_holds_its_sources_events_in_order() throws Exception {
    String topic = topic();
    try (KafkaEventLog log = open(topic)) {
      assertThat(log.partitions()).isEqualTo(6);
      append(log, 0, 90);
      int total = 0;
      for (int p = 0; p < 6; p++) {
        List<LoggedEvent> events = log.read(log.firstSeq(p), 1_000);
        int partition = p;
        assertThat(events).allSatisfy(e -> {
          assertThat(Seqs.partition(e.seq())).isEqualTo(partition);
          assertThat(PARTITIONING.of(e.event().sourceId())).isEqualTo(partition);
        });
        assertThat(events).extracting(LoggedEvent::seq).isSorted();
        assertThat(log.lastSeq(p)).isEqualTo(events.isEmpty() ? log.firstSeq(p) - 1 : events.get(events.size() - 1).seq());
        total += events.size();
      }
      assertThat(total).isEqualTo(90);
    }
  }

  @Test
  void a_topic_with_another_partition_count_is_refused() {
    String topic = topic();
    try (KafkaEventLog log = open(topic)) {
      assertThat(log.partitions()).isEqualTo(6);
    }
    var other = new KafkaEventLog.Settings(TestKafka.bootstrap(), topic, (short) 1, 3, Duration.ofSeconds(2));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KafkaEventLog(other, e -> 0, 10, 10, n -> { }))
        .hasMessageContaining("has 6 partitions, the configuration says 3");
  }

  @Test
  void nodes_share_the_partitions_and_a_partition_that_comes_back_resumes_where_it_stopped() throws Exception {
    String topic = topic();
    try (KafkaEventLog log = open(topic); Node a = new Node(open(topic), "http://127.0.0.1:1/a")) {
      List<String> sent = new ArrayList<>(append(log, 0, 60));
      awaitUntil(() -> a.owned.size() == 6 && a.seen().containsAll(sent));
      try (Node b = new Node(open(topic), "http://127.0.0.1:2/b")) {
        awaitUntil(() -> !b.owned.isEmpty() && a.owned.size() + b.owned.size() == 6 && Set.copyOf(a.owned).stream().noneMatch(b.owned::contains));
        assertThat(log.owners()).hasSize(6).containsValues("http://127.0.0.1:1/a", "http://127.0.0.1:2/b");
        sent.addAll(append(log, 60, 120));
        awaitUntil(() -> union(a, b).containsAll(sent));
        assertThat(b.seen()).as("the new node replays its partitions from their start")
            .containsAll(sent.stream().filter(id -> b.ownedSource(id)).toList());
      }
      sent.addAll(append(log, 120, 180));
      awaitUntil(() -> a.owned.size() == 6 && a.seen().containsAll(sent));
      assertThat(a.seen()).as("node A took its partitions back and resumed them: every event once").hasSize(sent.size()).containsExactlyInAnyOrderElementsOf(sent);
    }
  }

  private static Set<String> union(Node a, Node b) {
    Set<String> all = new java.util.HashSet<>(a.seen());
    all.addAll(b.seen());
    return all;
  }

  /** Waits for what the nodes' own polling threads bring about (polls; no fixed sleep decides the outcome). */
  private static void awaitUntil(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Object monitor = new Object();
    synchronized (monitor) {
      while (!done.getAsBoolean()) {
        assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
        monitor.wait(20);
      }
    }
  }

  /** A pipeline stand-in: keeps a cursor per partition like LogConsumer and records each event it processes. */
  private static final class Node implements PartitionListener, AutoCloseable {
    private final KafkaEventLog log;
    private final Map<Integer, Long> processed = new HashMap<>();
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private final List<String> seen = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private final String name;

    Node(KafkaEventLog log, String name) {
      this.log = log;
      this.name = name;
      this.thread = new Thread(this::run, "test-node");
      thread.start();
    }

    private void run() {
      try (LogSubscription s = log.subscribe(name, this)) {
        while (running) {
          for (LoggedEvent e : s.poll(Duration.ofMillis(100))) {
            synchronized (this) {
              processed.put(Seqs.partition(e.seq()), e.seq());
              seen.add(e.event().eventId());
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    synchronized List<String> seen() {
      return List.copyOf(seen);
    }

    boolean ownedSource(String eventId) {
      return owned.contains(PARTITIONING.of(eventId.substring(0, eventId.indexOf('-'))));
    }

    @Override
    public synchronized long assigned(int partition) {
      owned.add(partition);
      return processed.getOrDefault(partition, log.firstSeq(partition) - 1) + 1;
    }

    @Override
    public void revoked(int partition) {
      owned.remove(partition);
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(30_000);
      log.close();
    }
  }
}
