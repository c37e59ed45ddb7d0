package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The fixed-reply reference servers answer a posted event with their envelope (benchmarks/run.sh, http-floor.sh). */
class FixedReplyServerTest {
  @Test
  void undertow_answers_a_posted_body_with_the_fixed_envelope() throws Exception {
    int port = freePort();
    Undertow server = FixedReplyServer.start(port);
    try {
      assertAnswersWithTheEnvelope(port);
    } finally {
      server.stop();
    }
  }

  @Test
  void netty_answers_a_posted_body_with_the_same_envelope() throws Exception {
    int port = freePort();
    try (AutoCloseable server = NettyFixedReplyServer.start(port)) {
      assertAnswersWithTheEnvelope(port);
      assertAnswersWithTheEnvelope(port); // the connection is kept and serves a second request
    }
  }

  private static void assertAnswersWithTheEnvelope(int port) throws Exception {
    HttpResponse<String> reply = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open_api/v1.3/event/track/"))
            .POST(HttpRequest.BodyPublishers.ofString("{\"event_source\":\"web\",\"data\":[{\"event\":\"Purchase\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.body()).startsWith("{\"code\":0,");
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    }
  }
}
