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

  /** Whether the log numbers densely from 1 (a log numbering by record leaves gaps between appends). */
  protected boolean dense() {
    return true;
  }

  private static long first(EventLog log) {
    return log.firstSeq(0);
  }

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
      assertThat(log.lastSeq(0)).isLessThan(first(log));
      assertThat(log.read(first(log), 10)).isEmpty();
      if (dense()) {
        assertThat(log.nextSeq()).isEqualTo(1);
      }
    }
  }

  @Test
  void appends_get_contiguous_sequence_numbers_and_read_back_equal() throws Exception {
    try (EventLog log = open(dir)) {
      long first = log.append(List.of(event(1), event(2))).get();
      long second = log.append(List.of(event(3))).get();
      assertThat(second).isGreaterThan(first + 1);
      assertThat(log.lastSeq(0)).isEqualTo(second);
      if (dense()) {
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(3);
        assertThat(log.nextSeq()).isEqualTo(4);
      }
      List<LoggedEvent> all = log.read(first(log), 100);
      assertThat(all).extracting(LoggedEvent::seq).containsExactly(first, first + 1, second);
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
      for (long from = first(log); ; ) {
        List<LoggedEvent> step = log.read(from, 4);
        if (step.isEmpty()) {
          break;
        }
        long asked = from;
        assertThat(step).hasSizeLessThanOrEqualTo(4).first().extracting(LoggedEvent::seq).matches(seq -> seq >= asked);
        all.addAll(step);
        from = step.get(step.size() - 1).seq() + 1;
      }
      assertThat(all).hasSize(n).extracting(e -> e.event().eventId())
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, n).mapToObj(i -> "e" + i).toList());
      assertThat(all).isEqualTo(log.read(first(log), 100));
      if (dense()) {
        assertThat(all).extracting(LoggedEvent::seq).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, n).boxed().toList());
      }
    }
  }

  @Test
  void reads_start_mid_batch_and_respect_max() throws Exception {
    try (EventLog log = open(dir)) {
      List<Event> batch = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        batch.add(event(i));
      }
      long first = log.append(batch).get();
      long second = log.append(List.of(event(10), event(11))).get();
      assertThat(log.read(first + 4, 3)).extracting(LoggedEvent::seq).containsExactly(first + 4, first + 5, first + 6);
      assertThat(log.read(first + 9, 100)).extracting(LoggedEvent::seq).containsExactly(first + 9, second, second + 1);
      assertThat(log.read(second + 2, 100)).isEmpty();
    }
  }

  @Test
  void a_large_group_of_several_megabytes_is_one_durable_append() throws Exception {
    List<Event> big = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      big.add(Events.event("Purchase").id("big" + i).at(Instant.parse("2026-03-08T02:30:00Z")).property("pad", "x".repeat(1_000)).build());
    }
    try (EventLog log = open(dir)) {
      long first = log.append(big).get();
      assertThat(first).isEqualTo(first(log));
      assertThat(log.lastSeq(0)).isEqualTo(first + 4_999);
      assertThat(log.read(first + 4_989, 100)).hasSize(11).last().extracting(e -> e.event().eventId()).isEqualTo("big4999");
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
      assertThat(log.read(first(log), 1000)).hasSize(400).extracting(LoggedEvent::seq).containsAll(firsts);
      if (dense()) {
        assertThat(log.nextSeq()).isEqualTo(401);
      }
    }
  }

  @Test
  void large_and_small_appends_committed_together_read_back_at_their_numbers_after_a_reopen() throws Exception {
    List<List<Event>> appends = new ArrayList<>();
    for (int a = 0; a < 12; a++) {
      int size = a % 3 == 0 ? 120 : 1 + a % 2; // every third one large: its request thread encodes it
      List<Event> events = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        events.add(event(a * 1_000 + i));
      }
      appends.add(events);
    }
    List<Long> firsts = new ArrayList<>();
    try (EventLog log = open(dir)) {
      List<CompletableFuture<Long>> acks = new ArrayList<>();
      appends.forEach(events -> acks.add(log.append(events))); // no wait between them: they share commits
      for (CompletableFuture<Long> ack : acks) {
        firsts.add(ack.get());
      }
    }
    try (EventLog log = durable() ? open(dir) : null) {
      if (log == null) {
        return;
      }
      List<LoggedEvent> all = log.read(first(log), 10_000);
      for (int a = 0; a < appends.size(); a++) {
        long at = firsts.get(a);
        List<Event> expected = appends.get(a);
        assertThat(all.stream().filter(e -> e.seq() >= at && e.seq() < at + expected.size()).map(LoggedEvent::event).toList())
            .as("append %d at #%d", a, at).isEqualTo(expected);
      }
    }
  }

  @Test
  void acknowledged_events_survive_a_reopen() throws Exception {
    if (!durable()) {
      return;
    }
    long before;
    try (EventLog log = open(dir)) {
      before = log.append(List.of(event(1), event(2))).get();
    }
    try (EventLog log = open(dir)) {
      assertThat(log.lastSeq(0)).isEqualTo(before + 1);
      assertThat(log.read(first(log), 10)).extracting(LoggedEvent::event).containsExactly(event(1), event(2));
      assertThat(log.append(List.of(event(3))).get()).isGreaterThan(before + 1);
    }
  }

  @Test
  void await_returns_once_an_event_is_appended() throws Exception {
    try (EventLog log = open(dir)) {
      CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> {
        try {
          log.awaitAppended(first(log), Duration.ofSeconds(30));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      log.append(List.of(event(1))).get();
      waiter.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(log.lastSeq(0)).isEqualTo(first(log));
    }
  }
}
