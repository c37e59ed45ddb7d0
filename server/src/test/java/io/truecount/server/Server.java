package io.truecount.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.server.admin.NewToken;
import io.truecount.testkit.TestClock;
import io.truecount.wire.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** A real Truecount on 127.0.0.1 (random port, temp data dir) with one advertiser, pixel and token. */
final class Server implements AutoCloseable {
  static final Instant NOW = Instant.parse("2026-03-08T13:30:00Z");
  static final String ADMIN = "admin-secret-for-tests";

  final TestClock clock = new TestClock(NOW);
  final Truecount truecount;
  final Advertiser advertiser;
  final EventSource pixel;
  final String token;
  final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Server(Path dir) {
    this(dir, Map.of());
  }

  Server(Path dir, Map<String, String> settings) {
    this(dir, settings, null);
  }

  /** A restart on the same data directory: the advertiser, pixel and token of {@code previous} already exist. */
  Server(Path dir, Server previous) {
    this(dir, Map.of(), previous);
  }

  /** A restart with settings (e.g. the same PostgreSQL database). */
  static Server restart(Path dir, Server previous, Map<String, String> settings) {
    return new Server(dir, settings, previous);
  }

  private Server(Path dir, Map<String, String> settings, Server previous) {
    Map<String, String> overrides = new HashMap<>(settings);
    overrides.put("http.port", "0");
    overrides.put("data.dir", dir.toString());
    overrides.put("admin.token", ADMIN);
    overrides.put("auth.token-cache-seconds", "0");
    truecount = Truecount.start(ConfigLoader.load(null, Map.of(), overrides), clock, new SecureRandom());
    base = "http://127.0.0.1:" + truecount.port();
    if (previous != null) {
      clock.set(previous.clock.instant());
      advertiser = previous.advertiser;
      pixel = previous.pixel;
      token = previous.token;
      return;
    }
    advertiser = truecount.admin().createAdvertiser(Optional.of("7000000000000001"), "Loja", "America/Sao_Paulo", "BRL", "BR");
    pixel = truecount.admin().createSource(advertiser.id(), SourceKind.WEB, Optional.of("CTESTPIXEL0000000001"), "site", false);
    NewToken t = truecount.admin().createToken(advertiser.id(), Optional.empty());
    token = t.secret();
  }

  record Reply(int status, JsonNode body, Map<String, java.util.List<String>> headers) {
    int code() {
      return body.path("code").asInt(-1);
    }

    String message() {
      return body.path("message").asText();
    }
  }

  Reply post(String path, String token, String body) {
    return send(builder(path, token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply post(String path, String body) {
    return post(path, token, body);
  }

  Reply postGzip(String path, String body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(body.getBytes(StandardCharsets.UTF_8));
    }
    return send(builder(path, token).header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build());
  }

  Reply get(String path, String token) {
    return send(builder(path, token).GET().build());
  }

  Reply admin(String method, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + ADMIN);
    return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply get(String path) {
    return admin("GET", path, null);
  }

  Reply anonymous(String method, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
    if (token != null) {
      b.header("Access-Token", token);
    }
    return b;
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode body = response.body().length == 0 ? Json.MAPPER.createObjectNode() : parse(response.body());
      return new Reply(response.statusCode(), body, response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (IOException e) {
      ObjectNode raw = Json.MAPPER.createObjectNode();
      raw.put("raw", new String(body, StandardCharsets.UTF_8));
      return raw;
    }
  }

  /** Waits until the pipeline has processed everything acknowledged so far. */
  void settle() throws InterruptedException {
    if (!truecount.pipeline().awaitCaughtUp(Duration.ofSeconds(10))) {
      throw new AssertionError("pipeline did not catch up");
    }
  }

  JsonNode events(String query) throws InterruptedException {
    settle();
    return get("/api/v1/sources/" + pixel.id() + "/events" + query).body().get("data");
  }

  long epoch() {
    return clock.instant().getEpochSecond();
  }

  @Override
  public void close() {
    truecount.close();
  }
}
