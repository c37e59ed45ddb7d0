package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a log shared by several nodes must do (PostgreSQL, Kafka): two nodes append at once and get
 * dense, distinct sequence numbers; every node reads everything in the same order; a reader on one
 * node wakes when another node appends.
 */
public abstract class SharedEventLogContract {
  @TempDir protected Path dir;

  /** Opens one node's view of the log stored under {@code dir} (a second call: a second node). */
  protected abstract EventLog openNode(Path dir);

  /** Whether the log numbers densely from 1. */
  protected boolean dense() {
    return true;
  }

  @Test
  void concurrent_nodes_get_distinct_sequence_numbers_and_every_node_reads_everything_in_order() throws Exception {
    try (EventLog logA = openNode(dir); EventLog logB = openNode(dir)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<CompletableFuture<Long>> acks = new ArrayList<>();
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int thread = t;
        sent.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < 50; i++) {
            EventLog node = (thread + i) % 2 == 0 ? logA : logB;
            List<Event> batch = List.of(event(thread + "-" + i + "-a"), event(thread + "-" + i + "-b"));
            synchronized (acks) {
              acks.add(node.append(batch));
            }
          }
        }, pool));
      }
      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
      Set<Long> firsts = new HashSet<>();
      for (CompletableFuture<Long> ack : acks) {
        firsts.add(ack.get());
      }
      pool.shutdown();
      assertThat(firsts).hasSize(400);
      assertThat(logA.lastSeq(0)).isEqualTo(logB.lastSeq(0));
      List<LoggedEvent> fromA = logA.read(logA.firstSeq(0), 10_000);
      List<LoggedEvent> fromB = logB.read(logB.firstSeq(0), 10_000);
      assertThat(fromA).hasSize(800).isEqualTo(fromB);
      assertThat(fromA).extracting(LoggedEvent::seq).containsAll(firsts).isSorted();
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < fromA.size(); i++) {
        if (dense()) {
          assertThat(fromA.get(i).seq()).isEqualTo(i + 1);
        }
        ids.add(fromA.get(i).event().eventId());
      }
      assertThat(ids).as("each acknowledged event exactly once").hasSize(800);
    }
  }

  @Test
  void a_reader_on_one_node_wakes_when_another_node_appends() throws Exception {
    try (EventLog writer = openNode(dir); EventLog reader = openNode(dir)) {
      CompletableFuture<Long> woke = CompletableFuture.supplyAsync(() -> {
        try {
          reader.awaitAppended(reader.firstSeq(0), Duration.ofSeconds(10));
          return reader.lastSeq(0);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      long seq = writer.append(List.of(event("x"))).get();
      assertThat(woke.get()).isEqualTo(seq);
      assertThat(reader.read(reader.firstSeq(0), 10)).extracting(e -> e.event().eventId()).containsExactly("x");
    }
  }

  private static Event event(String id) {
    return Events.event("Purchase").id(id).at(Instant.parse("2026-03-08T02:30:00Z")).build();
  }
}
