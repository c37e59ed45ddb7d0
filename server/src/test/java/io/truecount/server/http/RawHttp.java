package io.truecount.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads HTTP/1.1 responses off a raw socket, for tests that control the bytes on the wire. */
public final class RawHttp {
  private RawHttp() {}

  /** @param head the status line and the headers, as sent */
  public record Response(int status, String head, String body) {
    /** The first value of a header (names case-insensitive), or "" when absent. */
    public String header(String name) {
      return head.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
          .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("");
    }
  }

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
    String length = new Response(0, headers, "").header("Content-Length");
    if (length.isEmpty()) {
      throw new IOException("no Content-Length in " + headers);
    }
    int status = Integer.parseInt(headers.substring(9, 12));
    return new Response(status, headers, new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8));
  }
}
