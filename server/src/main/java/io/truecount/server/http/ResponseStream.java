package io.truecount.server.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The body of a streamed answer, written in chunks from any thread; ends with {@link #close}. */
public final class ResponseStream implements AutoCloseable {
  private final Channel channel;
  private final Runnable ended;
  private final List<Runnable> closeTasks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  ResponseStream(Channel channel, Runnable ended) {
    this.channel = channel;
    this.ended = ended;
    channel.closeFuture().addListener(f -> closed());
  }

  /** Writes and flushes a chunk; the future completes once it is handed to the socket (for back-pressure). */
  public CompletableFuture<Void> write(byte[] chunk) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (chunk.length == 0) {
      done.complete(null);
      return done;
    }
    channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(f -> {
      if (f.isSuccess()) {
        done.complete(null);
      } else {
        done.completeExceptionally(f.cause());
      }
    });
    return done;
  }

  public CompletableFuture<Void> write(String text) {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Runs {@code task} once the client disconnects or the stream is closed. */
  public void onClose(Runnable task) {
    closeTasks.add(task);
    if (closed.get()) {
      closed();
    }
  }

  private void closed() {
    closed.set(true);
    for (Runnable task : closeTasks) {
      if (closeTasks.remove(task)) {
        task.run();
      }
    }
  }

  /** Ends the answer; the connection then serves its next request. */
  @Override
  public void close() {
    if (!closed.get() && channel.isActive()) {
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> ended.run());
    }
    closed();
  }
}
