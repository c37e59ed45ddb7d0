package io.truecount.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Creates a benchmark advertiser, pixel and token through the admin API; prints "TOKEN PIXEL TEST_CODE". */
final class Setup {
  private Setup() {}

  static String run(String base, String adminToken) throws IOException, InterruptedException {
    String advertiser = field(post(base, adminToken, "/api/v1/advertisers", "{\"name\":\"Bench\",\"time_zone\":\"America/Sao_Paulo\",\"currency\":\"BRL\",\"country\":\"BR\"}"), "advertiser_id");
    String source = post(base, adminToken, "/api/v1/sources", "{\"advertiser_id\":\"" + advertiser + "\",\"kind\":\"web\",\"name\":\"bench\"}");
    String token = field(post(base, adminToken, "/api/v1/tokens", "{\"advertiser_id\":\"" + advertiser + "\"}"), "access_token");
    return token + " " + field(source, "event_source_id") + " " + field(source, "test_event_code");
  }

  private static String post(String base, String adminToken, String path, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (!response.body().contains("\"code\":0")) {
      throw new IOException(path + ": " + response.body());
    }
    return response.body();
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    return m.group(1);
  }
}
