package io.truecount.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.wire.Json;
import io.truecount.wire.RequestIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer's own rules, over raw sockets: order of pipelined answers, limits, errors, half-closed clients, streams. */
class WebServerTest {
  private static final int WORKERS = 4;
  private static final int WORKER_QUEUE = 2;
  private final CompletableFuture<Void> release = new CompletableFuture<>();
  private final CountDownLatch streamClosed = new CountDownLatch(1);
  private final CountDownLatch workersBusy = new CountDownLatch(WORKERS);
  private WebServer server;

  @BeforeEach
  void start() {
    List<Route> routes = List.of(
        // answered later, from another thread, once the test releases it: like a durable ack
        new Route("POST", "/slow", Access.PUBLIC, ex -> release.thenRunAsync(() -> ex.send(200, "text/plain", "slow:" + new String(ex.body(), StandardCharsets.UTF_8)))).onIoThread(),
        new Route("POST", "/echo", Access.PUBLIC, ex -> ex.send(200, "text/plain", "echo:" + new String(ex.body(), StandardCharsets.UTF_8))).maxBody(64),
        new Route("GET", "/things/{id}", Access.PUBLIC, ex -> ex.send(200, "text/plain", "thing " + ex.paramOrEmpty("id") + " " + ex.paramOrEmpty("q")
            + " on " + Thread.currentThread().getName().replaceAll("-\\d+$", ""))),
        new Route("POST", "/digest", Access.PUBLIC, ex -> ex.send(200, "text/plain", ex.body().length + " " + java.util.Arrays.hashCode(ex.body()))).maxBody(8 << 20),
        // holds a worker until the test releases it
        new Route("GET", "/busy", Access.PUBLIC, ex -> {
          workersBusy.countDown();
          release.join();
          ex.send(200, "text/plain", "done");
        }),
        new Route("GET", "/fail", Access.PUBLIC, ex -> {
          throw new IllegalStateException("a bug");
        }),
        new Route("GET", "/stream", Access.PUBLIC, ex -> {
          ResponseStream out = ex.stream(200);
          out.onClose(streamClosed::countDown);
          out.write("one\n");
          out.write("two\n");
        }));
    server = new WebServer(new WebServer.Settings("127.0.0.1", 0, 2, WORKERS, WORKER_QUEUE, 1024, java.time.Duration.ofSeconds(1)), routes, new RequestIds(Clock.systemUTC()), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pipelined_requests_are_answered_in_order_even_when_the_first_answer_comes_last() throws Exception {
    try (Socket socket = connect()) {
      write(socket, post("/slow", "a") + post("/echo", "b") + get("/things/7?q=x"));
      socket.setSoTimeout(300);
      InputStream in = socket.getInputStream();
      assertThat(nothingYet(in)).as("nothing may overtake the slow answer").isTrue();
      socket.setSoTimeout(10_000);
      release.complete(null);
      assertThat(RawHttp.read(in).body()).isEqualTo("slow:a");
      assertThat(RawHttp.read(in).body()).isEqualTo("echo:b");
      assertThat(RawHttp.read(in).body()).isEqualTo("thing 7 x on truecount-worker");
    }
  }

  @Test
  void with_every_worker_busy_and_the_queue_full_a_request_is_429_with_retry_after_and_the_queued_ones_still_answer() throws Exception {
    List<Socket> waiting = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < WORKERS + WORKER_QUEUE; i++) {
        Socket socket = connect();
        waiting.add(socket);
        write(socket, get("/busy"));
        if (i == WORKERS - 1) {
          assertThat(workersBusy.await(10, TimeUnit.SECONDS)).as("every worker holds a request").isTrue();
        }
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (server.waitingForWorkers() < WORKER_QUEUE) {
        assertThat(System.nanoTime()).as("the queued requests reach the server").isLessThan(deadline);
        Thread.onSpinWait();
      }
      try (Socket late = connect()) {
        write(late, get("/things/1"));
        RawHttp.Response refused = RawHttp.read(late.getInputStream());
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(Json.MAPPER.readTree(refused.body()).path("code").asInt()).isEqualTo(40100);
        release.complete(null);
        for (Socket socket : waiting) {
          assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo("done");
        }
        write(late, get("/busy"));
        assertThat(RawHttp.read(late.getInputStream()).body()).as("a worker takes requests again once free").isEqualTo("done");
      }
    } finally {
      release.complete(null);
      for (Socket socket : waiting) {
        socket.close();
      }
    }
  }

  /** Bodies past what is allocated up front (1 MiB) grow as they arrive, declared or chunked, and arrive intact. */
  @Test
  void large_bodies_arrive_whole_whether_declared_or_chunked() throws Exception {
    byte[] large = new byte[3 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(large);
    String expected = large.length + " " + java.util.Arrays.hashCode(large);
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /digest HTTP/1.1\r\nHost: x\r\nContent-Length: " + large.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      for (int at = 0; at < large.length; at += 100_000) {
        out.write(large, at, Math.min(100_000, large.length - at));
        out.flush();
      }
      assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo(expected);
      out.write("POST /digest HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      for (int at = 0; at < large.length; at += 300_000) {
        int n = Math.min(300_000, large.length - at);
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(large, at, n);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(RawHttp.read(socket.getInputStream()).body()).isEqualTo(expected);
    }
  }

  @Test
  void unknown_paths_are_404_and_known_paths_with_another_method_405_in_the_envelope() throws Exception {
    try (Socket socket = connect()) {
      write(socket, get("/nowhere") + "DELETE /things/1 HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response missing = RawHttp.read(socket.getInputStream());
      assertThat(missing.status()).isEqualTo(404);
      assertThat(Json.MAPPER.readTree(missing.body()).path("code").asInt()).isEqualTo(40400);
      RawHttp.Response method = RawHttp.read(socket.getInputStream());
      assertThat(method.status()).isEqualTo(405);
      assertThat(Json.MAPPER.readTree(method.body()).path("message").asText()).isEqualTo("Method DELETE not allowed on /things/1");
    }
  }

  @Test
  void head_is_answered_like_get_without_the_body() throws Exception {
    try (Socket socket = connect()) {
      write(socket, "HEAD /things/3 HTTP/1.1\r\nHost: x\r\n\r\n" + get("/things/4"));
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        head.append((char) in.read());
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 200").containsIgnoringCase("content-length: " + "thing 3  on truecount-worker".length());
      assertThat(RawHttp.read(in).body()).as("the next answer follows the head at once: no body in between").startsWith("thing 4");
    }
  }

  @Test
  void a_chunked_body_over_the_routes_limit_is_413_and_the_connection_ends() throws Exception {
    try (Socket socket = connect()) {
      String chunk = "x".repeat(40);
      write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "28\r\n" + chunk + "\r\n28\r\n" + chunk + "\r\n0\r\n\r\n");
      RawHttp.Response answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(413);
      assertThat(Json.MAPPER.readTree(answer.body()).path("message").asText()).isEqualTo("Request body too large: more than the 64 bytes allowed");
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void a_declared_length_over_the_limit_is_refused_before_the_body_is_sent() throws Exception {
    try (Socket socket = connect()) {
      write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n");
      RawHttp.Response answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.body()).contains("5000000 bytes, more than the 64 allowed");
    }
  }

  @Test
  void expect_100_continue_gets_the_interim_answer_then_the_real_one() throws Exception {
    try (Socket socket = connect()) {
      write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
      InputStream in = socket.getInputStream();
      String interim = new String(in.readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length()), StandardCharsets.US_ASCII);
      assertThat(interim).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
      write(socket, "ok");
      assertThat(RawHttp.read(in).body()).isEqualTo("echo:ok");
    }
  }

  @Test
  void malformed_http_is_400_in_the_envelope_and_the_connection_ends() throws Exception {
    try (Socket socket = connect()) {
      write(socket, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: nine\r\n\r\n");
      RawHttp.Response answer = RawHttp.read(socket.getInputStream());
      assertThat(answer.status()).isEqualTo(400);
      assertThat(Json.MAPPER.readTree(answer.body()).path("code").asInt()).isEqualTo(40000);
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void a_handler_that_throws_is_a_500_in_the_envelope_and_the_connection_stays_usable() throws Exception {
    try (Socket socket = connect()) {
      write(socket, get("/fail") + get("/things/2"));
      RawHttp.Response failed = RawHttp.read(socket.getInputStream());
      assertThat(failed.status()).isEqualTo(500);
      assertThat(Json.MAPPER.readTree(failed.body()).path("message").asText()).isEqualTo("System error: IllegalStateException");
      assertThat(RawHttp.read(socket.getInputStream()).body()).startsWith("thing 2");
    }
  }

  @Test
  void a_client_that_half_closes_after_pipelining_gets_every_answer_then_eof() throws Exception {
    try (Socket socket = connect()) {
      write(socket, post("/slow", "a") + post("/echo", "b"));
      socket.shutdownOutput();
      release.complete(null);
      InputStream in = socket.getInputStream();
      assertThat(RawHttp.read(in).body()).isEqualTo("slow:a");
      assertThat(RawHttp.read(in).body()).isEqualTo("echo:b");
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void a_stream_is_chunked_and_its_close_tasks_run_when_the_client_leaves() throws Exception {
    try (Socket socket = connect()) {
      write(socket, get("/stream"));
      InputStream in = socket.getInputStream();
      StringBuilder seen = new StringBuilder();
      while (!seen.toString().contains("two")) {
        seen.append((char) in.read());
      }
      assertThat(seen.toString()).containsIgnoringCase("Transfer-Encoding: chunked").doesNotContainIgnoringCase("Content-Length")
          .containsPattern("(?i)date: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT").contains("one\n");
    }
    assertThat(streamClosed.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void a_silent_connection_is_closed_but_a_stream_waiting_for_events_is_not() throws Exception {
    try (Socket idle = connect(); Socket trickle = connect(); Socket stream = connect()) {
      write(trickle, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab");
      write(stream, get("/stream"));
      assertThat(idle.getInputStream().read()).as("idle between requests").isEqualTo(-1);
      assertThat(trickle.getInputStream().read()).as("a body that stopped coming").isEqualTo(-1);
      assertThat(stream.isClosed()).isFalse();
      write(stream, ""); // still open: the server has not closed it (a closed one would end the read below)
      stream.setSoTimeout(1_500);
      InputStream in = stream.getInputStream();
      StringBuilder seen = new StringBuilder();
      try {
        for (int b = in.read(); b >= 0; b = in.read()) {
          seen.append((char) b);
        }
        throw new AssertionError("the stream was closed: " + seen);
      } catch (java.net.SocketTimeoutException expected) {
        assertThat(seen.toString()).contains("two\n");
      }
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static boolean nothingYet(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketTimeoutException e) {
      return true;
    }
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  private static String get(String path) {
    return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }
}
