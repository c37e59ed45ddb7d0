package io.truecount.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.undertow.Undertow;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The fixed-reply reference server answers a posted event with its envelope (benchmarks/run.sh starts it). */
class FixedReplyServerTest {
  @Test
  void answers_a_posted_body_with_the_fixed_envelope() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Undertow server = FixedReplyServer.start(port);
    try {
      HttpResponse<String> reply = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open_api/v1.3/event/track/"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"event_source\":\"web\",\"data\":[{\"event\":\"Purchase\"}]}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.body()).startsWith("{\"code\":0,");
      assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    } finally {
      server.stop();
    }
  }
}
