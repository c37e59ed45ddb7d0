package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.spi.LoggedEvent;
import io.truecount.store.SqliteEventLog;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the server as a child JVM, drives concurrent writers, kill -9s it after a random number
 * of acknowledgements (mid-stream, with requests in flight),
 * restarts it, and checks that every acknowledged event is in the log exactly once and that no
 * request was half-written. {@code ./mvnw verify} kills 3 times; the long campaign
 * ({@code benchmarks/crash.sh}) sets {@code truecount.crash.kills} and a random
 * {@code truecount.crash.seed}.
 */
class CrashSafetyTest {
  private static final int WRITERS = 4;
  private static final int KILLS = Integer.getInteger("truecount.crash.kills", 3);
  private static final long SEED = Long.getLong("truecount.crash.seed", 7);
  /** A life ends after 20 to this many acknowledged requests; long lives see WAL checkpoints and restarts. */
  private static final int MAX_ACKS = Integer.getInteger("truecount.crash.max-acks", 420);
  private static final int BATCH = 5;

  @TempDir Path dir;

  @Test
  void acknowledged_events_survive_kill_9_exactly_once() throws Exception {
    ChildServer child = new ChildServer(dir.resolve("data"), dir.resolve("server.log"));
    String token = child.provision();
    AckLedger ledger = new AckLedger("crash-");
    Set<String> acknowledged = ledger.acknowledged;
    Map<String, List<String>> requests = ledger.requests;
    Random random = new Random(SEED);
    try (child) {
      for (int round = 0; round <= KILLS; round++) {
        child.start();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch someAcks = new CountDownLatch(20 + random.nextInt(MAX_ACKS - 20));
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          Thread t = new Thread(() -> write(child.base(), token, stop, ledger, someAcks));
          t.start();
          writers.add(t);
        }
        someAcks.await();
        if (round < KILLS) {
          child.kill();
        }
        stop.set(true);
        for (Thread t : writers) {
          t.join();
        }
      }
    }
    Map<String, Integer> counts = new HashMap<>();
    try (SqliteEventLog log = new SqliteEventLog(dir.resolve("data").resolve("log.db"), 10, 10_000, n -> {})) {
      long from = 1;
      List<LoggedEvent> page;
      while (!(page = log.read(from, 10_000)).isEmpty()) {
        page.forEach(e -> counts.merge(e.event().eventId(), 1, Integer::sum));
        from = page.get(page.size() - 1).seq() + 1;
      }
    }
    assertThat(acknowledged).hasSizeGreaterThan(100);
    for (String id : acknowledged) {
      assertThat(counts.get(id)).as("acknowledged event %s", id).isEqualTo(1);
    }
    counts.values().forEach(n -> assertThat(n).isEqualTo(1));
    for (List<String> ids : requests.values()) {
      long present = ids.stream().filter(counts::containsKey).count();
      assertThat(present).as("request %s written whole or not at all", ids).isIn(0L, (long) ids.size());
    }
    System.out.printf("crash campaign: seed %d, %d kills, %d acknowledged events, %d requests, all present once%n", SEED, KILLS, acknowledged.size(),
        requests.size());
  }

  private static void write(String base, String token, AtomicBoolean stop, AckLedger ledger, CountDownLatch someAcks) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (!stop.get()) {
      try {
        for (int i = ledger.send(http, base, token, BATCH); i > 0; i--) {
          someAcks.countDown();
        }
      } catch (java.io.IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
