package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.server.http.RawHttp;
import io.truecount.wire.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One connection, requests answered after the group commit while the socket stays registered for
 * reads: what arrives meanwhile (a pipelined request, the client's end of stream) is neither lost
 * nor read as part of the waiting request.
 */
class KeepAliveTest extends ServerTest {

  @Test
  void pipelined_requests_are_each_answered_in_order_and_each_event_is_kept() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write((request("pipe-1") + request("pipe-2") + request("pipe-3")).getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      List<JsonNode> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(Json.MAPPER.readTree(response(in)));
      }
      assertThat(answers).extracting(a -> a.path("code").asInt()).containsExactly(0, 0, 0);
    }
    assertThat(server.events("?limit=10")).extracting(e -> e.path("event").path("event_id").asText())
        .containsExactlyInAnyOrder("pipe-1", "pipe-2", "pipe-3");
  }

  @Test
  void a_chunked_request_then_a_plain_one_on_the_same_connection_are_both_answered() throws Exception {
    String plain = request("chunk-2");
    String chunked = request("chunk-1");
    String head = chunked.substring(0, chunked.indexOf("Content-Length:"));
    String body = chunked.substring(chunked.indexOf("\r\n\r\n") + 4);
    int half = body.length() / 2;
    String wire = head + "Transfer-Encoding: chunked\r\n\r\n"
        + Integer.toHexString(half) + "\r\n" + body.substring(0, half) + "\r\n"
        + Integer.toHexString(body.length() - half) + "\r\n" + body.substring(half) + "\r\n0\r\n\r\n";
    try (Socket socket = connect()) {
      socket.getOutputStream().write((wire + plain).getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      assertThat(Json.MAPPER.readTree(response(in)).path("code").asInt()).isEqualTo(0);
      assertThat(Json.MAPPER.readTree(response(in)).path("code").asInt()).isEqualTo(0);
    }
    assertThat(server.events("?limit=10")).extracting(e -> e.path("event").path("event_id").asText())
        .containsExactlyInAnyOrder("chunk-1", "chunk-2");
  }

  @Test
  void a_client_that_closes_its_side_after_sending_still_gets_its_answer_then_the_connection_ends() throws Exception {
    try (Socket socket = connect()) {
      socket.getOutputStream().write(request("half-1").getBytes(StandardCharsets.US_ASCII));
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      assertThat(Json.MAPPER.readTree(response(in)).path("code").asInt()).isEqualTo(0);
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(server.events("?limit=10")).extracting(e -> e.path("event").path("event_id").asText()).containsExactly("half-1");
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.truecount.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  private String request(String eventId) {
    String body = """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"ViewContent","event_time":%d,"event_id":"%s","user":{"ip":"198.51.100.7"}}]}"""
        .formatted(server.pixel.id(), server.epoch(), eventId);
    return "POST /open_api/v1.3/event/track/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccess-Token: " + server.token
        + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  /** Reads one response, which must be a 200, and returns its body. */
  private static String response(InputStream in) throws IOException {
    RawHttp.Response response = RawHttp.read(in);
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }
}
