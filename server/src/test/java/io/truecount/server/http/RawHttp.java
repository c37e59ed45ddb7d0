package io.truecount.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads HTTP/1.1 responses off a raw socket, for tests that control the bytes on the wire. */
public final class RawHttp {
  private RawHttp() {}

  public record Response(int status, String body) {}

  /** Reads one response with a Content-Length. */
  public static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection ended inside a response head: " + head);
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.US_ASCII);
    int length = headers.lines().filter(l -> l.regionMatches(true, 0, "Content-Length:", 0, 15))
        .mapToInt(l -> Integer.parseInt(l.substring(15).trim())).findFirst()
        .orElseThrow(() -> new IOException("no Content-Length in " + headers));
    int status = Integer.parseInt(headers.substring(9, 12));
    return new Response(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }
}
