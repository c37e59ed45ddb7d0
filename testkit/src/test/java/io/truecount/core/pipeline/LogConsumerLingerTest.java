package io.truecount.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Advertiser;
import io.truecount.core.Event;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.testkit.Events;
import io.truecount.testkit.InMemoryCatalog;
import io.truecount.testkit.InMemoryEventLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The reader pauses after a small batch (so a trickle is processed in runs) and not after a large one. */
class LogConsumerLingerTest {
  private static final Instant T = Instant.parse("2026-11-01T02:30:00Z");
  private static final String PIXEL = "C4SOURCE0000000000001";

  /** The in-memory log, noting when each read that found events returned and how many. */
  private static final class TimedReads implements EventLog {
    record Read(long nanos, int events) {}

    private final InMemoryEventLog log = new InMemoryEventLog();
    private final List<Read> reads = new ArrayList<>();
    /** Events a read returns at most, as a Kafka poll of 16 group commits may bring (0: as many as asked, 4096 a poll). */
    private final int perPoll;

    TimedReads(int perPoll) {
      this.perPoll = perPoll;
    }

    @Override
    public CompletableFuture<Long> append(List<Event> events) {
      return log.append(events);
    }

    @Override
    public List<LoggedEvent> read(long fromSeq, int max) {
      List<LoggedEvent> found = log.read(fromSeq, perPoll == 0 ? max : Math.min(max, perPoll));
      if (!found.isEmpty()) {
        synchronized (reads) {
          reads.add(new Read(System.nanoTime(), found.size()));
        }
      }
      return found;
    }

    List<Read> reads() {
      synchronized (reads) {
        return List.copyOf(reads);
      }
    }

    @Override
    public long nextSeq() {
      return log.nextSeq();
    }

    @Override
    public void awaitAppended(long fromSeq, Duration max) throws InterruptedException {
      log.awaitAppended(fromSeq, max);
    }

    @Override
    public int pendingAppends() {
      return 0;
    }

    @Override
    public void close() {}
  }

  private final TimedReads log = new TimedReads(0);
  private final InMemoryCatalog catalog = new InMemoryCatalog();

  LogConsumerLingerTest() {
    catalog.putAdvertiser(new Advertiser("1", "a", ZoneId.of("America/Sao_Paulo"), "BRL", "BR"));
    catalog.putSource(new EventSource(PIXEL, "1", SourceKind.WEB, "p", "TEST11111", false, T));
  }

  private LogConsumer consumer() {
    return new LogConsumer(log, new Dedup(16), new TestEvents(catalog, 10), LiveStage.composite(new RecentEvents(100))).start();
  }

  private static List<Event> purchases(int from, int count) {
    List<Event> events = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      events.add(Events.event("Purchase").id("o" + i).at(T).build());
    }
    return events;
  }

  @Test
  void after_a_small_batch_the_reader_waits_before_reading_again() throws Exception {
    LogConsumer consumer = consumer();
    try (consumer) {
      for (int i = 0; i < 6; i++) {
        long seq = log.append(purchases(i, 1)).get();
        assertThat(consumer.awaitProcessed(seq, Duration.ofSeconds(5))).isTrue();
      }
    }
    assertThat(consumer.pauses()).isEqualTo(6); // read once close() has joined the reader
    List<TimedReads.Read> reads = log.reads();
    assertThat(reads).hasSize(6).allSatisfy(r -> assertThat(r.events()).isEqualTo(1));
    for (int i = 1; i < reads.size(); i++) {
      assertThat(reads.get(i).nanos() - reads.get(i - 1).nanos()).isGreaterThanOrEqualTo(LogConsumer.LINGER.toNanos());
    }
  }

  @Test
  void a_reader_that_is_behind_reads_on_without_waiting() throws Exception {
    for (int i = 0; i < 5; i++) {
      log.append(purchases(i * 2000, 2000)).get(); // read back as 4096 + 4096 + 1808
    }
    assertThat(pausesWhileProcessing(log, 10_000)).isZero();
    assertThat(log.reads()).extracting(TimedReads.Read::events).containsExactly(4096, 4096, 1808);
  }

  @Test
  void a_reader_that_is_behind_reads_on_even_when_each_read_brings_few_events() throws Exception {
    TimedReads smallReads = new TimedReads(16);
    smallReads.append(purchases(0, 2000)).get();
    // it pauses only once fewer than 512 are left, the batch just read included: before read k
    // 2000 - 16 (k - 1) are left, fewer than 512 from read 95 on, so after reads 95 to 125
    assertThat(pausesWhileProcessing(smallReads, 2000)).isEqualTo(125 - 94);
    assertThat(smallReads.reads()).hasSize(125);
  }

  /** Runs a consumer until it has processed {@code last}; the times it paused. */
  private long pausesWhileProcessing(EventLog events, long last) throws InterruptedException {
    LogConsumer consumer = new LogConsumer(events, new Dedup(16), new TestEvents(catalog, 10), LiveStage.noop()).start();
    try (consumer) {
      assertThat(consumer.awaitProcessed(last, Duration.ofSeconds(30))).isTrue();
    }
    return consumer.pauses(); // after the last batch it checked, as close() joins its thread
  }
}
