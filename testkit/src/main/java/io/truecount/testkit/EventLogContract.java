package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Channel;
import io.truecount.core.Event;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link EventLog} adapter must do; each adapter's test extends this. */
public abstract class EventLogContract {
  @TempDir protected Path dir;

  /** Opens (or reopens) the log stored under {@code dir}. */
  protected abstract EventLog open(Path dir);

  /** Whether a reopened log still holds what was acknowledged. */
  protected boolean durable() {
    return true;
  }

  private static Event event(int i) {
    return Events.event("Purchase").id("e" + i).at(Instant.parse("2026-03-08T02:30:00Z").plusSeconds(i))
        .channel(i % 2 == 0 ? Channel.BROWSER : Channel.SERVER).value(i + ".50", "BRL").property("n", (long) i).build();
  }

  @Test
  void an_empty_log_starts_at_one() {
    try (EventLog log = open(dir)) {
      assertThat(log.nextSeq()).isEqualTo(1);
      assertThat(log.read(1, 10)).isEmpty();
    }
  }

  @Test
  void appends_get_contiguous_sequence_numbers_and_read_back_equal() throws Exception {
    try (EventLog log = open(dir)) {
      long first = log.append(List.of(event(1), event(2))).get();
      long second = log.append(List.of(event(3))).get();
      assertThat(first).isEqualTo(1);
      assertThat(second).isEqualTo(3);
      assertThat(log.nextSeq()).isEqualTo(4);
      List<LoggedEvent> all = log.read(1, 100);
      assertThat(all).extracting(LoggedEvent::seq).containsExactly(1L, 2L, 3L);
      assertThat(all).extracting(LoggedEvent::event).containsExactly(event(1), event(2), event(3));
    }
  }

  /** The pipeline's way of reading: small steps, each starting where the last ended, often mid-batch. */
  @Test
  void sequential_small_reads_see_every_event_once_in_order() throws Exception {
    try (EventLog log = open(dir)) {
      int n = 0;
      for (int size : new int[] {5, 1, 7, 3, 9}) {
        List<Event> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          batch.add(event(n++));
        }
        log.append(batch).get();
      }
      List<LoggedEvent> all = new ArrayList<>();
      for (long from = 1; ; ) {
        List<LoggedEvent> step = log.read(from, 4);
        if (step.isEmpty()) {
          break;
        }
        assertThat(step).hasSizeLessThanOrEqualTo(4).first().extracting(LoggedEvent::seq).isEqualTo(from);
        all.addAll(step);
        from = step.get(step.size() - 1).seq() + 1;
      }
      assertThat(all).extracting(LoggedEvent::seq).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
      assertThat(all).isEqualTo(log.read(1, 100));
    }
  }

  @Test
  void reads_start_mid_batch_and_respect_max() throws Exception {
    try (EventLog log = open(dir)) {
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        batch.add(event(i));
      }
      log.append(batch).get();
      log.append(List.of(event(10), event(11))).get();
      assertThat(log.read(5, 3)).extracting(LoggedEvent::seq).containsExactly(5L, 6L, 7L);
      assertThat(log.read(10, 100)).extracting(LoggedEvent::seq).containsExactly(10L, 11L, 12L);
      assertThat(log.read(13, 100)).isEmpty();
    }
  }

  @Test
  void a_large_group_of_several_megabytes_is_one_durable_append() throws Exception {
    List<Event> big = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      big.add(Events.event("Purchase").id("big" + i).at(Instant.parse("2026-03-08T02:30:00Z")).property("pad", "x".repeat(1_000)).build());
    }
    try (EventLog log = open(dir)) {
      assertThat(log.append(big).get()).isEqualTo(1);
      assertThat(log.nextSeq()).isEqualTo(5_001);
      assertThat(log.read(4_990, 100)).hasSize(11).last().extracting(e -> e.event().eventId()).isEqualTo("big4999");
    }
  }

  @Test
  void concurrent_appends_are_all_acknowledged_once_each() throws Exception {
    try (EventLog log = open(dir)) {
      List<CompletableFuture<Long>> acks = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        acks.add(log.append(List.of(event(i), event(i + 1000))));
      }
      List<Long> firsts = new ArrayList<>();
      for (CompletableFuture<Long> ack : acks) {
        firsts.add(ack.get());
      }
      assertThat(firsts).doesNotHaveDuplicates();
      assertThat(log.read(1, 1000)).hasSize(400);
      assertThat(log.nextSeq()).isEqualTo(401);
    }
  }

  @Test
  void acknowledged_events_survive_a_reopen() throws Exception {
    if (!durable()) {
      return;
    }
    try (EventLog log = open(dir)) {
      log.append(List.of(event(1), event(2))).get();
    }
    try (EventLog log = open(dir)) {
      assertThat(log.nextSeq()).isEqualTo(3);
      assertThat(log.read(1, 10)).extracting(LoggedEvent::event).containsExactly(event(1), event(2));
      assertThat(log.append(List.of(event(3))).get()).isEqualTo(3);
    }
  }

  @Test
  void await_returns_once_an_event_is_appended() throws Exception {
    try (EventLog log = open(dir)) {
      CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
        try {
          log.awaitAppended(1, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      log.append(List.of(event(1))).get();
      waiter.get();
      assertThat(log.nextSeq()).isEqualTo(2);
    }
  }
}
