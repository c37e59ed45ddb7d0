package io.truecount.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator against a running Truecount: batches of events (events/s durably acknowledged,
 * request latency) and acknowledgement → Test Events stream latency.
 *
 * <pre>
 * java -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.LoadGenerator setup BASE ADMIN_TOKEN
 * java -cp ... LoadGenerator batch BASE TOKEN PIXEL EVENTS_PER_REQUEST CONNECTIONS SECONDS
 * java -cp ... LoadGenerator batch-raw BASE TOKEN PIXEL EVENTS_PER_REQUEST CONNECTIONS SECONDS
 * java -cp ... LoadGenerator test-latency BASE TOKEN PIXEL TEST_CODE ADMIN_TOKEN SAMPLES
 * </pre>
 */
public final class LoadGenerator {
  /** The load generator is a composition root of its own: the one place it reads the wall clock. */
  private static final java.time.Clock CLOCK = java.time.Clock.systemUTC();
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> System.out.println(Setup.run(args[1], args[2]));
      case "batch" -> System.out.println(batch(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
          Duration.ofSeconds(Long.parseLong(args[6]))));
      case "batch-raw" -> System.out.println(new RawBatchSender(args[1], args[2], args[3], Integer.parseInt(args[4]), CLOCK)
          .run(Integer.parseInt(args[5]), Duration.ofSeconds(Long.parseLong(args[6]))));
      case "test-latency" -> System.out.println(testLatency(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6])));
      case "report-latency" -> System.out.println(ReportVisibility.run(args[1], args[2], args[3], args[4], Integer.parseInt(args[5]), CLOCK));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }

  /** Throughput of one run. */
  public record BatchResult(long events, long requests, long failures, double seconds, long p50Micros, long p99Micros) {
    public double eventsPerSecond() {
      return events / seconds;
    }

    @Override
    public String toString() {
      return String.format("events/s=%.0f requests=%d events=%d failures=%d p50=%.1fms p99=%.1fms seconds=%.1f",
          eventsPerSecond(), requests, events, failures, p50Micros / 1000.0, p99Micros / 1000.0, seconds);
    }
  }

  public static BatchResult batch(String base, String token, String pixel, int perRequest, int connections, Duration duration)
      throws InterruptedException {
    List<byte[]> bodies = new ArrayList<>();
    for (int b = 0; b < 16; b++) {
      bodies.add(Bodies.batch(pixel, perRequest, b, CLOCK.instant().getEpochSecond()));
    }
    AtomicLong next = new AtomicLong();
    return BatchRun.run(connections, duration, (deadline, run) -> {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      while (System.nanoTime() < deadline) {
        long sent = System.nanoTime();
        boolean ok = post(http, base + "/open_api/v1.3/event/track/", token, bodies.get((int) (next.getAndIncrement() % bodies.size())));
        run.record(ok, perRequest, (System.nanoTime() - sent) / 1000);
      }
    });
  }

  /** Latency from the acknowledgement of a test event to its arrival on the live stream. */
  public record LatencyResult(int samples, long p50Micros, long p99Micros, long maxMicros) {
    @Override
    public String toString() {
      return String.format("ack->stream samples=%d p50=%.2fms p99=%.2fms max=%.2fms", samples, p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0);
    }
  }

  public static LatencyResult testLatency(String base, String token, String pixel, String testCode, String adminToken, int samples)
      throws Exception {
    Map<String, Long> arrived = new ConcurrentHashMap<>();
    CountDownLatch ready = new CountDownLatch(1);
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sources/" + pixel + "/test-events/stream"))
        .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = new Thread(() -> read(stream.body(), arrived, ready));
    reader.setDaemon(true);
    reader.start();
    ready.await();
    long[] latencies = new long[samples];
    for (int i = 0; i < samples; i++) {
      String id = "lat-" + i + "-" + System.nanoTime();
      byte[] body = Bodies.testEvent(pixel, testCode, id, CLOCK.instant().getEpochSecond());
      if (!post(http, base + "/open_api/v1.3/event/track/", token, body)) {
        throw new IllegalStateException("test event not acknowledged");
      }
      long acked = System.nanoTime();
      while (!arrived.containsKey(id)) {
        Thread.onSpinWait();
      }
      latencies[i] = Math.max(0, (arrived.get(id) - acked) / 1000);
    }
    Arrays.sort(latencies);
    return new LatencyResult(samples, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies[samples - 1]);
  }

  private static void read(InputStream body, Map<String, Long> arrived, CountDownLatch ready) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("event:ready") || line.startsWith("event: ready")) {
          ready.countDown();
        }
        int at = line.indexOf("\"event_id\":\"lat-");
        if (at >= 0) {
          int start = at + 12;
          arrived.put(line.substring(start, line.indexOf('"', start)), System.nanoTime());
        }
      }
    } catch (IOException e) {
      ready.countDown();
    }
  }

  static boolean post(HttpClient http, String url, String token, byte[] body) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Access-Token", token)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().startsWith("{\"code\":0,");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
