package io.truecount.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.truecount.core.pipeline.LiveStage;
import io.truecount.core.pipeline.ProcessedEvent;
import io.truecount.wire.Code;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The pipeline's own numbers, served at /metrics in Prometheus format. */
public final class Metrics implements LiveStage, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
  private final Map<Code, Counter> rejected = new EnumMap<>(Code.class);
  private final Map<Code, Counter> requests = new EnumMap<>(Code.class);
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final Timer commits;
  private final JvmHeapPressureMetrics heapPressure = new JvmHeapPressureMetrics();

  public Metrics() {
    for (Code code : Code.values()) {
      if (code != Code.OK && code != Code.PARTIAL_OK) {  // no event is refused with these
        rejected.put(code, Counter.builder("truecount_events_rejected").tag("code", Integer.toString(code.number()))
            .description("Events refused at the edge, by TikTok code").register(registry));
      }
      requests.put(code, Counter.builder("truecount_requests").tag("code", Integer.toString(code.number()))
          .description("Ingestion requests answered, by TikTok code").register(registry));
    }
    // Attribution holds ~0.6 KB per conversion (docs/deployment.md): heap used and max by pool,
    // the share of the old generation still used after GC, and the share of CPU spent in GC
    // (jvm_gc_overhead near 1 means the heap is too small for the conversions held)
    new JvmMemoryMetrics().bindTo(registry);
    heapPressure.bindTo(registry);
    commits = Timer.builder("truecount_log_commit").description("Group commit latency (write + fsync)")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  public void accepted(String format, int events) {
    accepted.computeIfAbsent(format, f -> Counter.builder("truecount_events_accepted").tag("format", f)
        .description("Events acknowledged durable, by wire format").register(registry)).increment(events);
  }

  public void rejected(Code code, int events) {
    rejected.get(code).increment(events);
  }

  public void answered(Code code) {
    requests.get(code).increment();
  }

  public void commitNanos(long nanos) {
    commits.record(Duration.ofNanos(nanos));
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  @Override
  public void accept(ProcessedEvent event) {
    String outcome = event.decision().outcome().name().toLowerCase(java.util.Locale.ROOT);
    outcomes.computeIfAbsent(outcome, o -> Counter.builder("truecount_dedup_decisions").tag("outcome", o)
        .description("Live events by dedup outcome: first, no_event_id, merged, dropped").register(registry)).increment();
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    heapPressure.close();
  }
}
