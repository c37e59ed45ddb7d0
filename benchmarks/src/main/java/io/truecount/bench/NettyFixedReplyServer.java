package io.truecount.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@link FixedReplyServer}'s twin on Netty (epoll transport, two event loops like Truecount's
 * default on two cores): reads the whole body, copies it to a byte array as Truecount's
 * {@code WebServer} does, answers the same envelope. The floor of Truecount's HTTP server in
 * {@code benchmarks/run.sh}; compared with Undertow's by {@code benchmarks/http-floor.sh}.
 *
 * <p>{@code java -cp benchmarks/target/truecount-benchmarks.jar io.truecount.bench.NettyFixedReplyServer 18083}
 */
public final class NettyFixedReplyServer {
  private static final int MAX_BODY = 5 << 20;

  private NettyFixedReplyServer() {}

  /** Serves until killed: the event loops' threads keep the JVM running. */
  public static void main(String[] args) throws InterruptedException {
    int port = Integer.parseInt(args[0]);
    start(port);
    System.out.println("fixed replies (Netty) on http://127.0.0.1:" + port);
  }

  static AutoCloseable start(int port) throws InterruptedException {
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    Channel listener = new ServerBootstrap()
        .group(loops)
        .channel(EpollServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY), new Reply());
          }
        })
        .bind("127.0.0.1", port).sync().channel();
    return () -> {
      listener.close().sync();
      loops.shutdownGracefully().sync();
    };
  }

  private static final class Reply extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      byte[] body = new byte[request.content().readableBytes()];
      request.content().readBytes(body);
      FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(FixedReplyServer.REPLY));
      response.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, FixedReplyServer.REPLY.length);
      ctx.writeAndFlush(response);
    }
  }
}
