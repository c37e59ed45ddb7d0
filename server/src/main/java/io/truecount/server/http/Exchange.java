package io.truecount.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.truecount.wire.Code;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request, its body read whole, and its answer. Handlers read the request and answer
 * exactly once — now, or later from any thread (the answer is written on the connection's event
 * loop). Response headers set before the answer go with it.
 */
public final class Exchange {
  private final Channel channel;
  private final HttpRequest request;
  private final String path;
  private Map<String, List<String>> query;
  private final Map<String, String> pathParams;
  private final byte[] body;
  private final String requestId;
  private final Executor worker;
  private final Runnable answered;
  private final HttpDate date;
  private final HttpHeaders responseHeaders = new DefaultHttpHeaders();
  private final AtomicBoolean started = new AtomicBoolean();
  private Map<Class<?>, Object> attachments;
  private boolean closeAfterAnswer;
  private volatile boolean streaming;
  private Map<String, Cookie> cookies;

  Exchange(Channel channel, HttpRequest request, String path, Map<String, List<String>> query, Map<String, String> pathParams,
      byte[] body, String requestId, Executor worker, HttpDate date, Runnable answered) {
    this.channel = channel;
    this.request = request;
    this.path = path;
    this.query = query;
    this.pathParams = pathParams;
    this.body = body;
    this.requestId = requestId;
    this.worker = worker;
    this.date = date;
    this.answered = answered;
  }

  public String method() {
    return request.method().name();
  }

  /** GET or HEAD: a request that changes nothing. */
  public boolean isRead() {
    String method = method();
    return method.equals("GET") || method.equals("HEAD");
  }

  /** The decoded path, without the query. */
  public String path() {
    return path;
  }

  /** The request target as sent: path and query. */
  public String uri() {
    return request.uri();
  }

  /** A path parameter of the route's template, else the first value of a query parameter (possibly empty). */
  public Optional<String> param(String name) {
    String fromPath = pathParams.get(name);
    if (fromPath != null) {
      return Optional.of(fromPath);
    }
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Sets a query parameter, replacing any sent (a page handing its own values to an API route's code); null removes it. */
  public void setParam(String name, String value) {
    query = new HashMap<>(query);
    if (value == null) {
      query.remove(name);
    } else {
      query.put(name, List.of(value));
    }
  }

  /** {@link #param}, or "" when absent. */
  public String paramOrEmpty(String name) {
    return param(name).orElse("");
  }

  /** A request header, or null when absent. */
  public String header(CharSequence name) {
    return request.headers().get(name);
  }

  public boolean hasHeader(CharSequence name) {
    return request.headers().contains(name);
  }

  public HttpHeaders requestHeaders() {
    return request.headers();
  }

  /** A request cookie's value, or null when absent. */
  public String cookie(String name) {
    if (cookies == null) {
      cookies = new HashMap<>();
      String header = request.headers().get(HttpHeaderNames.COOKIE);
      if (header != null) {
        for (Cookie c : ServerCookieDecoder.LAX.decode(header)) {
          cookies.putIfAbsent(c.name(), c);
        }
      }
    }
    Cookie cookie = cookies.get(name);
    return cookie == null ? null : cookie.value();
  }

  public byte[] body() {
    return body;
  }

  public InetSocketAddress remote() {
    return (InetSocketAddress) channel.remoteAddress();
  }

  /** Always {@code http}: TLS ends at a proxy in front (docs/deployment.md). */
  public String scheme() {
    return "http";
  }

  /** The {@code Host} the client addressed, else this server's address. */
  public String hostAndPort() {
    String host = request.headers().get(HttpHeaderNames.HOST);
    if (host != null && !host.isBlank()) {
      return host;
    }
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    return local.getHostString() + ":" + local.getPort();
  }

  public String requestId() {
    return requestId;
  }

  /** The connection's event loop: where its reads and writes happen. */
  public Executor ioThread() {
    return channel.eventLoop();
  }

  /**
   * Runs {@code task} on the worker pool (blocking work, large bodies); when the pool's queue is
   * full (or the server is stopping) the request is answered 429 with {@code Retry-After} instead
   * and {@code task} never runs (false).
   */
  public boolean onWorker(Runnable task) {
    try {
      worker.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      responseHeader("Retry-After", "1");
      Responses.envelope(this, 429, Code.TOO_MANY_REQUESTS,
          "Too many requests: the server's workers are busy and their queue is full; nothing was done, retry after 1 s", null);
      return false;
    }
  }

  public <T> void attach(Class<T> type, T value) {
    if (attachments == null) {
      attachments = new HashMap<>(2);
    }
    attachments.put(type, value);
  }

  public <T> T attachment(Class<T> type) {
    return attachments == null ? null : type.cast(attachments.get(type));
  }

  /** Sets a response header (replacing one of the same name). */
  public Exchange responseHeader(CharSequence name, Object value) {
    if (value instanceof Iterable<?> values) {
      responseHeaders.set(name, values);
    } else {
      responseHeaders.set(name, value);
    }
    return this;
  }

  public Exchange addCookie(Cookie cookie) {
    responseHeaders.add(HttpHeaderNames.SET_COOKIE, ServerCookieEncoder.STRICT.encode(cookie));
    return this;
  }

  /** Closes the connection once answered (after a request whose rest cannot be read). */
  void closeAfterAnswer() {
    closeAfterAnswer = true;
  }

  /** Whether the answer is a stream ({@link #stream}). */
  boolean streaming() {
    return streaming;
  }

  /** Whether the answer has begun. */
  public boolean answered() {
    return started.get();
  }

  public void send(int status, String contentType, String text) {
    send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public void send(int status, String contentType, byte[] bytes) {
    responseHeaders.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    send(status, bytes);
  }

  /** An answer without a body (redirects, 204, 304). */
  public void end(int status) {
    send(status, new byte[0]);
  }

  private void send(int status, byte[] bytes) {
    start();
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
        Unpooled.wrappedBuffer(bytes), responseHeaders, EmptyHttpHeaders.INSTANCE);
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    boolean keepAlive = connectionAndDate(response);
    var written = channel.writeAndFlush(response);
    written.addListener(keepAlive ? (ChannelFutureListener) f -> answered.run() : ChannelFutureListener.CLOSE);
  }

  /**
   * Starts a streamed answer (Server-Sent Events, a forwarded response): the head now, the body in
   * chunks written through the returned stream until it is closed.
   */
  public ResponseStream stream(int status) {
    start();
    streaming = true;
    HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), responseHeaders);
    head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
    head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    boolean keepAlive = connectionAndDate(head);
    channel.writeAndFlush(head);
    if (channel instanceof DuplexChannel duplex && duplex.isInputShutdown()) {
      channel.close(); // the client left before the stream began
    }
    return new ResponseStream(channel, keepAlive ? answered : () -> channel.close());
  }

  private void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("answered twice: " + method() + " " + path);
    }
  }

  /** Sets the answer's {@code Connection} and {@code Date} headers; returns whether the connection stays open. */
  private boolean connectionAndDate(HttpResponse response) {
    boolean keepAlive = !closeAfterAnswer && HttpUtil.isKeepAlive(request) && channel.isActive();
    if (keepAlive) {
      if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      }
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    response.headers().set(HttpHeaderNames.DATE, date.now());
    return keepAlive;
  }
}
