package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.Event;
import io.truecount.core.spi.EventCodec;
import io.truecount.wire.EventDecoder;
import io.truecount.wire.Format;
import io.truecount.wire.IngestReader;
import io.truecount.wire.Limits;
import io.truecount.wire.SourceContext;
import io.truecount.wire.WireException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated malformed bodies never produce an HTTP 5xx, always answer TikTok's envelope with a
 * known code, and never get an invalid event accepted.
 */
class FuzzProperties {
  private static final Set<Integer> CODES = Set.of(0, 20001, 40000, 40001, 40002, 40061, 40062, 40100);
  private static final List<String> ROUTES = List.of("/open_api/v1.3/event/track/", "/open_api/v1.3/pixel/track/",
      "/open_api/v1.3/pixel/batch/", "/open_api/v1.3/offline/track/", "/open_api/v1.3/offline/batch/");
  private static Path dir;
  private static Server server;

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("truecount-fuzz");
    server = new Server(dir);
  }

  @AfterContainer
  static void stop() {
    server.close();
  }

  @Property(tries = 400)
  void mutated_valid_bodies_never_break_the_server(@ForAll("mutations") String body, @ForAll("routes") String route) throws Exception {
    Server.Reply reply = server.post(route, body);
    assertThat(reply.status()).isIn(200, 413);
    assertThat(CODES).contains(reply.code());
    assertThat(reply.body().path("request_id").asText()).hasSize(34);
    if (reply.code() == 0 || reply.code() == 20001) {
      server.settle();
      for (JsonNode e : server.get("/api/v1/sources/" + server.pixel.id() + "/events?limit=5").body().get("data")) {
        assertThat(e.path("event").path("event").asText()).isNotBlank().hasSizeLessThanOrEqualTo(100);
        assertThat(e.path("event").path("event_time").asLong()).isBetween(server.epoch() - 8 * 86400, server.epoch() + 600);
      }
    }
  }

  /**
   * The log hands live readers the events the edge built and replays decode them from storage:
   * both must be equal for every event the edge can accept, or live and replayed counts differ.
   */
  @Property(tries = 400)
  void every_accepted_event_survives_the_log_codec_unchanged(@ForAll("mutations") String body, @ForAll("formats") Format format) {
    List<Event> accepted = edge(body, format);
    assertThat(EventCodec.decode(EventCodec.encode(accepted))).isEqualTo(accepted);
  }

  @Example
  void the_unmutated_template_reaches_the_codec_with_every_kind_of_field() {
    List<Event> accepted = edge(template(), Format.EVENTS_API_2);
    assertThat(accepted).hasSize(1);
    assertThat(accepted.get(0).properties()).containsKeys("value", "currency", "contents");
    assertThat(accepted.get(0).user().emails()).hasSize(1);
    assertThat(EventCodec.decode(EventCodec.encode(accepted))).isEqualTo(accepted);
  }

  private static List<Event> edge(String body, Format format) {
    try {
      SourceContext ctx = new SourceContext(server.pixel, "BR", java.time.ZoneId.of("America/Sao_Paulo"),
          java.time.Instant.parse("2026-03-08T13:31:00Z"), io.truecount.core.Channel.SERVER, Limits.DEFAULT);
      return EventDecoder.decode(IngestReader.read(format, body.getBytes(StandardCharsets.UTF_8)), ctx).accepted();
    } catch (WireException e) {
      return List.of();
    }
  }

  @Provide
  Arbitrary<Format> formats() {
    return Arbitraries.of(Format.EVENTS_API_2, Format.PIXEL_TRACK, Format.PIXEL_BATCH, Format.OFFLINE_BATCH, Format.BEACON);
  }

  @Property(tries = 200)
  void random_bytes_are_40000_not_5xx(@ForAll byte[] bytes) {
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", new String(bytes, StandardCharsets.ISO_8859_1));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isIn(40000, 40002);
  }

  @Provide
  Arbitrary<String> routes() {
    return Arbitraries.of(ROUTES);
  }

  @Provide
  Arbitrary<String> mutations() {
    String template = template();
    Arbitrary<String> replacements = Arbitraries.of("1", "-1", "1e309", "null", "true", "[]", "{}", "\"\"", "\"x\"", "[1,2]",
        "{\"a\":{}}", "9223372036854775808", "\"\\u0000\"", "0.000000001", "\"" + "z".repeat(300) + "\"");
    Arbitrary<Integer> positions = Arbitraries.integers().between(0, template.length() - 1);
    return net.jqwik.api.Combinators.combine(positions, positions, replacements, Arbitraries.integers().between(0, 3))
        .as((a, b, replacement, kind) -> mutate(template, Math.min(a, b), Math.max(a, b), replacement, kind));
  }

  private static String template() {
    return "{\"event_source\":\"web\",\"event_source_id\":\"CTESTPIXEL0000000001\",\"pixel_code\":\"CTESTPIXEL0000000001\","
        + "\"event_set_id\":\"CTESTPIXEL0000000001\",\"event\":\"Purchase\",\"timestamp\":\"2026-03-08T13:00:00Z\","
        + "\"batch\":[{\"event\":\"Purchase\",\"event_id\":\"b1\",\"context\":{\"user\":{\"email\":\"a@b.co\"}}}],"
        + "\"data\":[{\"event\":\"Purchase\",\"event_time\":1772976600,\"event_id\":\"e1\",\"user\":{\"email\":\"a@b.co\",\"phone\":\"+5511987654321\"},"
        + "\"properties\":{\"value\":10.5,\"currency\":\"BRL\",\"contents\":[{\"content_id\":\"x\",\"price\":1,\"quantity\":2}]},"
        + "\"page\":{\"url\":\"https://a.example/?ttclid=1\"}}]}";
  }

  private static String mutate(String template, int from, int to, String replacement, int kind) {
    return switch (kind) {
      case 0 -> template.substring(0, from) + template.substring(to);
      case 1 -> template.substring(0, from) + replacement + template.substring(from);
      case 2 -> valueSwap(template, from, replacement);
      default -> template.substring(0, from);
    };
  }

  private static String valueSwap(String template, int at, String replacement) {
    int colon = template.indexOf(':', at);
    if (colon < 0) {
      return template;
    }
    int end = colon + 1;
    while (end < template.length() && ",}]".indexOf(template.charAt(end)) < 0) {
      end++;
    }
    return template.substring(0, colon + 1) + replacement + template.substring(end);
  }
}
