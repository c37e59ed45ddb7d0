package io.truecount.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** One timed batch run: a thread per connection sends until the deadline; counts and latencies. */
final class BatchRun {
  /** What one connection does until the deadline, recording every request. */
  interface Connection {
    void send(long deadline, BatchRun run) throws IOException;
  }

  private final AtomicLong events = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final List<Long> latencies = new ArrayList<>();

  private BatchRun() {}

  static LoadGenerator.BatchResult run(int connections, Duration duration, Connection connection) throws InterruptedException {
    BatchRun run = new BatchRun();
    long started = System.nanoTime();
    long deadline = started + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      Thread t = new Thread(() -> {
        try {
          connection.send(deadline, run);
        } catch (IOException e) {
          run.failures.incrementAndGet();
        }
      });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long[] sorted;
    synchronized (run.latencies) {
      sorted = run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    return new LoadGenerator.BatchResult(run.events.get(), run.requests.get(), run.failures.get(), seconds,
        LoadGenerator.percentile(sorted, 0.5), LoadGenerator.percentile(sorted, 0.99));
  }

  /** One answered request: acknowledged with code 0 or not, and its latency. */
  void record(boolean ok, int eventsPerRequest, long latencyMicros) {
    requests.incrementAndGet();
    if (ok) {
      events.addAndGet(eventsPerRequest);
    } else {
      failures.incrementAndGet();
    }
    synchronized (latencies) {
      latencies.add(latencyMicros);
    }
  }
}
