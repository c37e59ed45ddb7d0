package io.truecount.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batches of new events over plain keep-alive sockets: HTTP/1.1 written and read by hand, so the
 * generator needs little CPU of its own (the JDK HttpClient of {@link LoadGenerator#batch} takes
 * about half a core on this 2-core machine), and every event_id is new (the request number is
 * written into a prebuilt body), so dedup keeps every event and attribution sees every one.
 */
final class RawBatchSender {
  private static final byte[] OK_STATUS = "HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK_BODY = "{\"code\":0,".getBytes(StandardCharsets.US_ASCII);

  private final URI base;
  private final String token;
  private final byte[] template;
  private final List<Integer> slots;
  /**
   * Request numbers start at a base taken from the start second (seconds mod 100,000, times
   * 100,000), so runs against the same server, up to a day apart, send different event_ids too.
   */
  private final AtomicLong requestNumbers;

  RawBatchSender(String base, String token, String pixel, int perRequest, Clock clock) {
    this.base = URI.create(base);
    this.token = token;
    this.template = Bodies.uniqueBatch(pixel, perRequest, clock.instant().getEpochSecond());
    this.slots = slotsOf(template);
    this.requestNumbers = new AtomicLong(clock.instant().getEpochSecond() % 100_000 * 100_000);
  }

  LoadGenerator.BatchResult run(int connections, Duration duration) throws InterruptedException {
    return BatchRun.run(connections, duration, this::send);
  }

  private void send(long deadline, BatchRun run) throws IOException {
    byte[] body = template.clone();
    ByteBuffer head = ByteBuffer.wrap(("POST /open_api/v1.3/event/track/ HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccess-Token: " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    ByteBuffer answer = ByteBuffer.allocate(64 * 1024);
    try (SocketChannel socket = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()))) {
      socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
      while (System.nanoTime() < deadline) {
        number(body, requestNumbers.incrementAndGet());
        long sent = System.nanoTime();
        socket.write(new ByteBuffer[] {head.rewind(), ByteBuffer.wrap(body)});
        boolean ok = readAnswer(socket, answer.clear());
        run.record(ok, slots.size(), (System.nanoTime() - sent) / 1000);
      }
    }
  }

  private void number(byte[] body, long request) {
    byte[] digits = String.format("%010d", request).getBytes(StandardCharsets.US_ASCII);
    for (int slot : slots) {
      System.arraycopy(digits, 0, body, slot, digits.length);
    }
  }

  /** Reads one response (headers, then Content-Length bytes); true when it is a 200 with code 0. */
  private static boolean readAnswer(SocketChannel socket, ByteBuffer in) throws IOException {
    int headerEnd = -1;
    while (headerEnd < 0) {
      if (socket.read(in) < 0) {
        throw new IOException("connection closed by the server");
      }
      headerEnd = indexOf(in, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    String headers = new String(in.array(), 0, headerEnd, StandardCharsets.US_ASCII);
    int length = contentLength(headers);
    int bodyStart = headerEnd + 4;
    while (in.position() < bodyStart + length) {
      if (socket.read(in) < 0) {
        throw new IOException("connection closed by the server");
      }
    }
    return startsWith(in.array(), 0, OK_STATUS) && startsWith(in.array(), bodyStart, OK_BODY);
  }

  private static int contentLength(String headers) {
    for (String line : headers.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    throw new IllegalStateException("no Content-Length in the answer: " + headers);
  }

  private static List<Integer> slotsOf(byte[] body) {
    byte[] mark = Bodies.REQUEST_SLOT.getBytes(StandardCharsets.US_ASCII);
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i + mark.length <= body.length; i++) {
      if (startsWith(body, i, mark)) {
        found.add(i + 1);
      }
    }
    return found;
  }

  private static int indexOf(ByteBuffer in, byte[] part) {
    for (int i = 0; i + part.length <= in.position(); i++) {
      if (startsWith(in.array(), i, part)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] part) {
    if (at + part.length > bytes.length) {
      return false;
    }
    for (int k = 0; k < part.length; k++) {
      if (bytes[at + k] != part[k]) {
        return false;
      }
    }
    return true;
  }
}
