package io.truecount.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Event;
import io.truecount.core.spi.LogAppend;
import io.truecount.testkit.Events;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  /** A replicated log whose commits the test acknowledges by hand. */
  private record Write(List<LogAppend> appends, CompletableFuture<Long> done) {
    List<Event> events() {
      return appends.stream().flatMap(a -> a.events().stream()).toList();
    }
  }

  private final BlockingQueue<Write> writes = new LinkedBlockingQueue<>();

  private static Event event(int i) {
    return Events.event("Purchase").id("e" + i).at(Instant.parse("2026-03-08T02:30:00Z")).build();
  }

  private Write nextWrite() throws InterruptedException {
    Write w = writes.poll(10, TimeUnit.SECONDS);
    assertThat(w).as("a commit was started").isNotNull();
    return w;
  }

  /** Group commit over a writer that starts each commit and leaves it to the test to finish. */
  private GroupCommit commits(int maxInFlight) {
    return new GroupCommit("test-writer", 100, 10_000, nanos -> {}, maxInFlight, GroupCommit.contiguous(appends -> {
      CompletableFuture<Long> done = new CompletableFuture<>();
      writes.add(new Write(appends, done));
      return done;
    }));
  }

  @Test
  void several_commits_are_in_flight_and_each_request_gets_its_own_sequence_numbers() throws Exception {
    try (GroupCommit commits = commits(2)) {
      CompletableFuture<Long> a = commits.append(List.of(event(1), event(2)));
      Write first = nextWrite();
      CompletableFuture<Long> b = commits.append(List.of(event(3)));
      Write second = nextWrite();
      CompletableFuture<Long> c = commits.append(List.of(event(4)));
      CompletableFuture<Long> d = commits.append(List.of(event(5), event(6)));
      assertThat(writes.poll(200, TimeUnit.MILLISECONDS)).as("a third commit waits while two are in flight").isNull();

      second.done().complete(3L);
      assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(3);
      assertThat(a).isNotDone();
      Write third = nextWrite();
      assertThat(third.events()).extracting(Event::eventId).containsExactly("e4", "e5", "e6");
      first.done().complete(1L);
      third.done().complete(4L);
      assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo(4);
      assertThat(d.get(10, TimeUnit.SECONDS)).isEqualTo(5);
      assertThat(first.events()).extracting(Event::eventId).containsExactly("e1", "e2");
    }
  }

  @Test
  void a_large_append_reaches_the_writer_encoded_by_the_appending_thread() throws Exception {
    try (GroupCommit commits = commits(1)) {
      List<Event> many = java.util.stream.IntStream.range(0, 1000).mapToObj(GroupCommitTest::event).toList();
      CompletableFuture<Long> done = commits.append(many);
      Write write = nextWrite();
      assertThat(write.appends()).singleElement().satisfies(a -> {
        assertThat(a.payload()).isNotNull();
        assertThat(io.truecount.core.spi.EventCodec.decode(a.payload())).isEqualTo(many);
      });
      write.done().complete(1L);
      assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }

  @Test
  void a_failed_commit_fails_only_its_own_requests_and_frees_its_slot() throws Exception {
    try (GroupCommit commits = commits(1)) {
      CompletableFuture<Long> a = commits.append(List.of(event(1)));
      nextWrite().done().completeExceptionally(new IllegalStateException("broker gone"));
      assertThat(a).failsWithin(10, TimeUnit.SECONDS);
      CompletableFuture<Long> b = commits.append(List.of(event(2)));
      nextWrite().done().complete(1L);
      assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }
  }
}
