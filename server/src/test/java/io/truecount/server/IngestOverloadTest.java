package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.Advertiser;
import io.truecount.core.Event;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.LogOverloadedException;
import io.truecount.core.spi.LoggedEvent;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.server.http.TokenAuth;
import io.truecount.testkit.InMemoryCatalog;
import io.truecount.testkit.TestClock;
import io.truecount.wire.Code;
import io.truecount.wire.Format;
import io.truecount.wire.Limits;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The edge against a saturated or failing log: 40100 with HTTP 429, or 50000 — never an accepted-but-lost event. */
class IngestOverloadTest {
  private static final Instant NOW = Instant.parse("2026-10-18T12:00:00Z");

  /** A log whose queue is always full, or whose commits always fail. */
  private static final class BrokenLog implements EventLog {
    private final boolean overloaded;

    BrokenLog(boolean overloaded) {
      this.overloaded = overloaded;
    }

    @Override
    public CompletableFuture<Long> append(List<Event> events) {
      if (overloaded) {
        throw new LogOverloadedException("queue full");
      }
      return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
    }

    @Override
    public List<LoggedEvent> read(long fromSeq, int max) {
      return List.of();
    }

    @Override
    public long nextSeq() {
      return 1;
    }

    @Override
    public void awaitAppended(long fromSeq, Duration max) {}

    @Override
    public int pendingAppends() {
      return 0;
    }

    @Override
    public void close() {}
  }

  private Ingest.Answer send(EventLog log) {
    TestClock clock = new TestClock(NOW);
    InMemoryCatalog catalog = new InMemoryCatalog();
    CatalogAdmin admin = new CatalogAdmin(catalog, clock, new SecureRandom());
    Advertiser a = admin.createAdvertiser(Optional.of("12345"), "x", ZoneId.of("UTC").getId(), "USD", "US");
    EventSource pixel = admin.createSource(a.id(), SourceKind.WEB, Optional.empty(), "p", false);
    String token = admin.createToken(a.id(), Optional.empty()).secret();
    Ingest ingest = new Ingest(catalog, new TokenAuth(catalog, clock), log, new SourceHealth(clock), new Metrics(), clock, Limits.DEFAULT);
    String body = "{\"event_source\":\"web\",\"event_source_id\":\"" + pixel.id() + "\",\"data\":[{\"event\":\"Lead\",\"event_time\":" + NOW.getEpochSecond() + "}]}";
    return ingest.accept(Format.EVENTS_API_2, io.truecount.core.Channel.SERVER, Ingest.Client.NONE, token, body.getBytes(StandardCharsets.UTF_8), "rid").join();
  }

  @Test
  void a_full_queue_answers_40100_with_http_429() {
    Ingest.Answer answer = send(new BrokenLog(true));
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.code()).isEqualTo(Code.TOO_MANY_REQUESTS);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"code\":40100", "retry");
  }

  @Test
  void a_failed_commit_answers_50000_so_the_client_retries() {
    Ingest.Answer answer = send(new BrokenLog(false));
    assertThat(answer.code()).isEqualTo(Code.SYSTEM_ERROR);
    assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains("\"code\":50000", "not stored");
  }
}
