package io.truecount.bench;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.xnio.Options;

/**
 * Undertow configured as Truecount's HTTP server was until session 22, answering every request
 * with a fixed envelope once it has read the body, on the IO thread: no parsing, no log, no
 * pipeline. {@code benchmarks/http-floor.sh} runs it next to nginx and {@link NettyFixedReplyServer}
 * (the floor of Truecount's HTTP server now, which {@code benchmarks/run.sh} uses), so the two
 * servers' own costs stay measured side by side.
 *
 * <p>{@code java -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.FixedReplyServer 18082}
 */
public final class FixedReplyServer {
  static final byte[] REPLY = "{\"code\":0,\"message\":\"OK\",\"request_id\":\"fixed\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

  private FixedReplyServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    start(port);
    System.out.println("fixed replies on http://127.0.0.1:" + port);
  }

  static Undertow start(int port) {
    Undertow server = Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
        .setSocketOption(Options.TCP_NODELAY, true)
        .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
          ex.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
          ex.getResponseSender().send(ByteBuffer.wrap(REPLY));
        }))
        .build();
    server.start();
    return server;
  }
}
