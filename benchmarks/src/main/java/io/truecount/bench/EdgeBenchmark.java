package io.truecount.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.truecount.core.Event;
import io.truecount.core.pii.Pii;
import io.truecount.core.pipeline.Dedup;
import io.truecount.core.spi.EventCodec;
import io.truecount.wire.Decoded;
import io.truecount.wire.EventDecoder;
import io.truecount.wire.Format;
import io.truecount.wire.IngestReader;
import io.truecount.wire.Json;
import io.truecount.wire.SourceContext;
import io.truecount.wire.WireException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Hot paths of the edge and the pipeline, per event. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EdgeBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private byte[] batch;
  private byte[] single;
  private SourceContext ctx;
  private List<Event> events;
  private byte[] encoded;
  private Dedup dedup;
  private long seq;

  @Setup
  public void setup() throws WireException {
    batch = Bodies.batch("CBENCH00000000000001", 1000, 1, NOW.getEpochSecond());
    single = Bodies.batch("CBENCH00000000000001", 1, 1, NOW.getEpochSecond());
    ctx = Bodies.context("CBENCH00000000000001", NOW);
    events = EventDecoder.decode(IngestReader.read(Format.EVENTS_API_2, batch), ctx).accepted();
    encoded = EventCodec.encode(events);
    dedup = new Dedup(1 << 20);
  }

  /** Parse + validate + normalize a 1000-event Events API 2.0 request (ops/s × 1000 = events/s). */
  @Benchmark
  public Decoded parseAndValidate1000() throws WireException {
    return EventDecoder.decode(IngestReader.read(Format.EVENTS_API_2, batch), ctx);
  }

  /** Parse + validate + normalize a single-event request: what an IO thread does for most requests. */
  @Benchmark
  public Decoded parseAndValidateSingle() throws WireException {
    return EventDecoder.decode(IngestReader.read(Format.EVENTS_API_2, single), ctx);
  }

  /** Only Jackson's tree of a single-event request. */
  @Benchmark
  public Object parseOnlySingle() throws WireException {
    return Json.parse(single);
  }

  /**
   * Only Jackson's tokenizer over a single-event request, every token and string read: the floor
   * under a streaming decoder that would build the event without a tree.
   */
  @Benchmark
  public long tokenizeOnlySingle() throws java.io.IOException {
    long seen = 0;
    try (JsonParser parser = Json.MAPPER.getFactory().createParser(single)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        switch (t) {
          case FIELD_NAME, VALUE_STRING -> seen += parser.getText().length();
          case VALUE_NUMBER_FLOAT -> seen += parser.getDecimalValue().scale(); // the tree reads floats as BigDecimal too
          default -> seen++;
        }
      }
    }
    return seen;
  }

  /** Only Jackson's tree of the same request: the rest of {@link #parseAndValidate1000} is ours. */
  @Benchmark
  public Object parseOnly1000() throws WireException {
    return Json.parse(batch);
  }

  /**
   * What a request thread does with a large batch: parse, validate, encode. Unlike {@link
   * #encode1000}, whose events are encoded again and again (their strings' hash codes cached after
   * the first round), each round's strings are new, as in the server.
   */
  @Benchmark
  public byte[] parseValidateEncode1000() throws WireException {
    return EventCodec.encode(EventDecoder.decode(IngestReader.read(Format.EVENTS_API_2, batch), ctx).accepted());
  }

  /** Encode 1000 events into a log payload. */
  @Benchmark
  public byte[] encode1000() {
    return EventCodec.encode(events);
  }

  /** Decode a 1000-event log payload (what every consumer pays). */
  @Benchmark
  public List<Event> decode1000() {
    return EventCodec.decode(encoded);
  }

  /** Normalize and hash one email (the PII path). */
  @Benchmark
  public String hashEmail() {
    return Pii.sha256Hex(Pii.normalizeEmail(" ALICE_abc@gmail.com ").orElseThrow());
  }

  /** One dedup decision on a fresh key (insert path, table growing). */
  @Benchmark
  public Object dedupDecide() {
    seq++;
    return dedup.decide(seq, events.get((int) (seq % 1000)));
  }
}
