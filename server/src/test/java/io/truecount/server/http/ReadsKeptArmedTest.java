package io.truecount.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpServerConnection;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Undertow server whose requests wait for an answer the test gives, as ingestion requests
 * wait for the group commit: while one waits, its socket stays registered for reads, and a request
 * arriving meanwhile is kept (reads suspended, not consumed) and answered after it.
 */
class ReadsKeptArmedTest {
  private record Waiting(HttpServerExchange exchange, CompletableFuture<String> answer) {
    boolean readsArmed() {
      return ((HttpServerConnection) exchange.getConnection()).getOriginalSourceConduit().isReadResumed();
    }
  }

  private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
  private Undertow server;
  private int port;

  @BeforeEach
  void start() {
    server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(exchange ->
        exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
          ReadsKeptArmed.whileWaiting(ex);
          CompletableFuture<String> answer = new CompletableFuture<>();
          waiting.add(new Waiting(ex, answer));
          ex.dispatch(SameThreadExecutor.INSTANCE, () ->
              answer.thenAccept(text -> ex.getIoThread().execute(() -> ex.getResponseSender().send(text + ":" + new String(body, StandardCharsets.UTF_8)))));
        })).build();
    server.start();
    port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void a_request_arriving_while_another_waits_is_kept_and_answered_after_it() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request("first").getBytes(StandardCharsets.US_ASCII));
      Waiting first = waiting.poll(10, TimeUnit.SECONDS);
      assertThat(first).as("the first request reached the handler").isNotNull();
      assertThat(onIoThread(first)).as("reads stay armed while the first request waits").isTrue();

      socket.getOutputStream().write(request("second").getBytes(StandardCharsets.US_ASCII));
      awaitCondition(() -> !onIoThread(first), "the bytes of the second request suspended reads");
      assertThat(waiting).as("the second request is not read while the first waits").isEmpty();

      first.answer().complete("ok-1");
      InputStream in = socket.getInputStream();
      assertThat(response(in)).isEqualTo("ok-1:first");
      Waiting second = waiting.poll(10, TimeUnit.SECONDS);
      assertThat(second).as("the second request reached the handler once the first was answered").isNotNull();
      second.answer().complete("ok-2");
      assertThat(response(in)).isEqualTo("ok-2:second");
    }
  }

  /** Reads the connection's read registration on its IO thread (the only thread that changes it). */
  private static boolean onIoThread(Waiting w) {
    CompletableFuture<Boolean> armed = new CompletableFuture<>();
    w.exchange().getIoThread().execute(() -> armed.complete(w.readsArmed()));
    return armed.join();
  }

  private static void awaitCondition(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static String request(String body) {
    return "POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
  }

  private static String response(InputStream in) throws IOException {
    return RawHttp.read(in).body();
  }
}
