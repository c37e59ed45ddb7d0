package io.truecount.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import picocli.CommandLine.Option;

/** Options of the commands that ask the running server (check, reconcile, anomalies, event-quality), and the asking. */
final class ServerOptions {
  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "The running Truecount.") String url;
  @Option(names = "--admin-token", defaultValue = "${env:TRUECOUNT_ADMIN_TOKEN}", description = "Admin token (or TRUECOUNT_ADMIN_TOKEN).") String adminToken;

  HttpRequest.Builder request(String pathAndQuery) {
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException("--admin-token (or TRUECOUNT_ADMIN_TOKEN) is required");
    }
    return HttpRequest.newBuilder(URI.create(url + pathAndQuery)).header("Authorization", "Bearer " + adminToken);
  }

  /** Sends, and returns the envelope's {@code data}; a non-zero code becomes the error the CLI prints. */
  JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode answer = Json.MAPPER.readTree(response.body());
    if (answer.path("code").asInt(-1) != 0) {
      throw new IllegalArgumentException(answer.path("message").asText(response.body()));
    }
    return answer.path("data");
  }
}
