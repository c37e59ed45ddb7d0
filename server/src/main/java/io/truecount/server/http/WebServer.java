package io.truecount.server.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ResourceLeakDetector;
import io.truecount.wire.RequestIds;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP/1.1 server (Netty; the epoll transport on Linux): the event loops, the worker pool and
 * the listening socket; each accepted connection gets Netty's HTTP codec and a {@link Connection},
 * which reads each request whole within its route's body limit, runs the route's handler on the
 * event loop or the worker pool, and answers pipelined requests in order. Malformed HTTP is a 400,
 * an unknown route a 404 (405 for a known path with another method), an over-limit body a 413,
 * all in TikTok's envelope.
 */
final class WebServer implements AutoCloseable {
  /**
   * Where and how the server listens.
   *
   * @param idle how long a connection may stay silent with nothing to answer (between requests, or
   *     inside a request's head or body) before it is closed; one being answered or streamed stays
   * @param workerQueue requests that may wait for a worker; beyond them a request that needs one is
   *     answered 429 with {@code Retry-After} (a flood of report or upload requests queues at most
   *     this many bodies, not without limit)
   */
  record Settings(String host, int port, int ioThreads, int workerThreads, int workerQueue, long maxBody, Duration idle) {}

  private final EventLoopGroup loops;
  private final ThreadPoolExecutor worker;
  private final Channel listener;

  static {
    // Netty samples 1 buffer in 128 for leak tracking, with a stack trace each (~0.3 us a request
    // here). Off unless asked for: the tests run with -Dio.netty.leakDetection.level=paranoid.
    if (System.getProperty("io.netty.leakDetection.level") == null) {
      ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
    }
  }

  WebServer(Settings settings, List<Route> routes, RequestIds requestIds, Clock clock) {
    Router router = new Router(routes);
    HttpDate date = new HttpDate(clock);
    int ioThreads = settings.ioThreads() > 0 ? settings.ioThreads() : Math.max(2, Runtime.getRuntime().availableProcessors());
    boolean epoll = Epoll.isAvailable();
    this.loops = new MultiThreadIoEventLoopGroup(ioThreads, threads("truecount-io-"), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.worker = new ThreadPoolExecutor(settings.workerThreads(), settings.workerThreads(), 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(settings.workerQueue()), threads("truecount-worker-"));
    Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    try {
      this.listener = new ServerBootstrap()
          .group(loops)
          .channel(channelType)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true) // a client that shuts its side after sending still gets its answers
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
              channel.pipeline().addLast(
                  new IdleStateHandler(0, 0, settings.idle().toMillis(), TimeUnit.MILLISECONDS),
                  new HttpServerCodec(new HttpDecoderConfig().setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(64 * 1024)),
                  new Connection(router, requestIds, date, settings.maxBody(), worker));
            }
          })
          .bind(settings.host(), settings.port()).syncUninterruptibly().channel();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Requests queued for a worker now. */
  int waitingForWorkers() {
    return worker.getQueue().size();
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
    }
    loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    worker.shutdownNow();
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + n.incrementAndGet());
      thread.setDaemon(prefix.contains("worker"));
      return thread;
    };
  }
}
