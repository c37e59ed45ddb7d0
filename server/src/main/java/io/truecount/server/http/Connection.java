package io.truecount.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.truecount.wire.Code;
import io.truecount.wire.RequestIds;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * One connection's requests, in order, on its event loop: finds each request's route from its
 * head, reads its body within the route's limit, runs its handler (on the event loop or the worker
 * pool), and starts the next pipelined request once the answer before it is written.
 */
final class Connection extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(Connection.class.getName());
  /** Requests a client may pipeline ahead of their answers before the server stops reading. */
  private static final int MAX_PIPELINED = 16;
  /**
   * At most this much is allocated for a body before its bytes arrive: a declared length is only a
   * claim (an upload route allows 256 MiB), so a larger body grows as it comes. A 1,000-event batch
   * (~0.5 MB) still gets its whole array at once.
   */
  private static final int PREALLOCATE_AT_MOST = 1 << 20;

  /** A request read whole, waiting for its turn on the connection. */
  private record Pending(Route route, Exchange exchange) {}

  private final Router router;
  private final RequestIds requestIds;
  private final HttpDate date;
  private final long defaultMaxBody;
  private final Executor worker;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private Channel channel;
  private HttpRequest head;
  private Route route;
  private Map<String, String> pathParams;
  private QueryStringDecoder uri;
  private long limit;
  /** The declared length, or the limit for a chunked body: what the body can grow to. */
  private long expected;
  private byte[] body;
  private int filled;
  private boolean closing;
  private boolean inputShut;
  /** The request being answered, or null. */
  private Exchange current;

  Connection(Router router, RequestIds requestIds, HttpDate date, long defaultMaxBody, Executor worker) {
    this.router = router;
    this.requestIds = requestIds;
    this.date = date;
    this.defaultMaxBody = defaultMaxBody;
    this.worker = worker;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    channel = ctx.channel();
    try {
      if (closing) {
        return;
      }
      if (msg instanceof HttpRequest request) {
        begin(request);
      }
      if (msg instanceof HttpContent content && head != null) { // no head: the request was refused
        append(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void begin(HttpRequest request) {
    head = request;
    filled = 0;
    if (request.decoderResult().isFailure()) {
      refuse(400, Code.INVALID_PARAMS, "Malformed HTTP request: " + request.decoderResult().cause().getMessage());
      return;
    }
    try {
      uri = new QueryStringDecoder(request.uri());
      uri.path();
    } catch (IllegalArgumentException e) {
      refuse(400, Code.INVALID_PARAMS, "Malformed request target " + request.uri() + ": " + e.getMessage());
      return;
    }
    String method = request.method().name();
    var found = router.find(method, uri.path());
    if (found.isEmpty() && method.equals("HEAD")) {
      found = router.find("GET", uri.path()); // the GET's answer; Netty's encoder leaves out its body
    }
    route = found.map(Router.Match::route).orElseGet(() -> unrouted(method, uri.path()));
    pathParams = found.map(Router.Match::pathParams).orElse(Map.of());
    limit = route.maxBody() > 0 ? route.maxBody() : defaultMaxBody;
    long declared = HttpUtil.getContentLength(request, -1L);
    if (declared > limit) {
      tooLarge(declared + " bytes, more than the " + limit + " allowed");
      return;
    }
    if (HttpUtil.is100ContinueExpected(request)) {
      channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
    expected = Math.min(declared >= 0 ? declared : limit, Integer.MAX_VALUE - 8);
    body = new byte[declared >= 0 ? (int) Math.min(declared, PREALLOCATE_AT_MOST) : 0]; // chunked: grows as it comes
  }

  private void append(HttpContent content) {
    int n = content.content().readableBytes();
    if ((long) filled + n > limit) {
      tooLarge("more than the " + limit + " bytes allowed");
      return;
    }
    if (filled + n > body.length) {
      body = Arrays.copyOf(body, (int) Math.max(filled + n, Math.min(expected, body.length * 2L + 8192)));
    }
    content.content().readBytes(body, filled, n);
    filled += n;
    if (content instanceof LastHttpContent) {
      byte[] whole = filled == body.length ? body : Arrays.copyOf(body, filled);
      Exchange exchange = exchange(whole);
      body = null;
      head = null;
      enqueue(new Pending(route, exchange));
    }
  }

  private Exchange exchange(byte[] whole) {
    return new Exchange(channel, head, uri.path(), uri.parameters(), pathParams, whole, requestIds.next(), worker, date, this::answered);
  }

  private void enqueue(Pending pending) {
    if (current != null) {
      waiting.add(pending);
      if (waiting.size() >= MAX_PIPELINED) {
        channel.config().setAutoRead(false);
      }
    } else {
      run(pending);
    }
  }

  /** Called on the event loop once an answer is written: the next pipelined request may run. */
  private void answered() {
    current = null;
    Pending next = waiting.poll();
    if (!channel.config().isAutoRead() && waiting.size() < MAX_PIPELINED / 2) {
      channel.config().setAutoRead(true);
    }
    if (next != null) {
      run(next);
    } else if (inputShut) {
      channel.close();
    }
  }

  private void run(Pending pending) {
    current = pending.exchange();
    if (pending.route().ioThread()) {
      invoke(pending);
      return;
    }
    pending.exchange().onWorker(() -> invoke(pending));
  }

  private void invoke(Pending pending) {
    Exchange ex = pending.exchange();
    try {
      pending.route().handler().handle(ex);
    } catch (Exception | Error e) {
      LOG.log(System.Logger.Level.ERROR, "request " + ex.requestId() + " failed: " + ex.method() + " " + ex.path(), e);
      if (!ex.answered()) {
        Responses.envelope(ex, 500, Code.SYSTEM_ERROR, "System error: " + e.getClass().getSimpleName(), null);
      }
    }
  }

  private void tooLarge(String detail) {
    Handler handler = route.handler();
    answerThenClose(e -> {
      if (handler instanceof Handler.SizeAware sized) {
        sized.tooLarge(e, detail);
      } else {
        Responses.envelope(e, 413, Code.INVALID_PARAMS, "Request body too large: " + detail, null);
      }
    });
  }

  private void refuse(int status, Code code, String message) {
    uri = new QueryStringDecoder("/");
    pathParams = Map.of();
    answerThenClose(e -> Responses.envelope(e, status, code, message, null));
  }

  /** Answers the request begun (on the event loop) without reading more of it, and closes the connection once that is written. */
  private void answerThenClose(Handler answer) {
    Exchange ex = exchange(new byte[0]);
    ex.closeAfterAnswer();
    closing = true;
    body = null;
    head = null;
    enqueue(new Pending(new Route(ex.method(), ex.path(), Access.PUBLIC, answer).onIoThread(), ex));
  }

  private Route unrouted(String method, String path) {
    Handler answer = router.miss(path) == Router.Miss.WRONG_METHOD
        ? ex -> Responses.envelope(ex, 405, Code.NOT_FOUND, "Method " + method + " not allowed on " + path, null)
        : ex -> Responses.envelope(ex, 404, Code.NOT_FOUND, "No route " + method + " " + path, null);
    return new Route(method, path, Access.PUBLIC, answer).onIoThread();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent && current == null) {
      ctx.close(); // idle between requests, or a request trickling in (slowloris)
      return;
    }
    if (event instanceof ChannelInputShutdownEvent) {
      inputShut = true;
      // a stream (Server-Sent Events) has no end of its own: a client that stops sending has left
      if (current == null && waiting.isEmpty() || current != null && current.streaming()) {
        ctx.close();
      }
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(System.Logger.Level.DEBUG, "connection closed on error: " + cause);
    ctx.close();
  }
}
