package io.truecount.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acknowledgement → report visibility: for each sample, a click touch then a purchase sharing its
 * ttclid; from the moment the purchase is acknowledged, TikTok's integrated report is polled
 * until its real_time_conversion count includes it. Prints p50 / p99 / max in ms.
 */
final class ReportVisibility {
  private static final Pattern CONVERSIONS = Pattern.compile("\"real_time_conversion\":\"(\\d+)\"");
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String adminToken;
  private final String token;

  private ReportVisibility(String base, String adminToken, String token) {
    this.base = base;
    this.adminToken = adminToken;
    this.token = token;
  }

  static String run(String base, String adminToken, String token, String pixel, int samples, Clock clock) throws IOException, InterruptedException {
    return new ReportVisibility(base, adminToken, token).measure(pixel, samples, clock);
  }

  private String measure(String pixel, int samples, Clock clock) throws IOException, InterruptedException {
    String advertiser = field(send("GET", "/api/v1/sources/" + pixel, null, true), "advertiser_id");
    String campaign = field(send("POST", "/api/v1/campaigns", "{\"advertiser_id\":\"" + advertiser + "\",\"campaign_name\":\"visibility\"}", true), "campaign_id");
    String group = field(send("POST", "/api/v1/adgroups", "{\"campaign_id\":\"" + campaign + "\",\"adgroup_name\":\"v\",\"event_source_id\":\"" + pixel + "\"}", true),
        "adgroup_id");
    String ad = field(send("POST", "/api/v1/ads", "{\"adgroup_id\":\"" + group + "\",\"ad_name\":\"v\"}", true), "ad_id");
    String today = LocalDate.now(clock.withZone(ZoneId.of("America/Sao_Paulo"))).toString();
    String report = "/open_api/v1.3/report/integrated/get/?advertiser_id=" + advertiser + "&report_type=BASIC&data_level=AUCTION_ADVERTISER&dimensions="
        + URLEncoder.encode("[\"advertiser_id\"]", StandardCharsets.UTF_8) + "&metrics=" + URLEncoder.encode("[\"real_time_conversion\"]", StandardCharsets.UTF_8)
        + "&start_date=" + today + "&end_date=" + today;
    long baseline = conversions(report);
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      long now = clock.instant().getEpochSecond();
      String ttclid = "E.C.P.visibility" + now + "x" + i;
      send("POST", "/api/v1/touches", "{\"touches\":[{\"kind\":\"click\",\"ad_id\":\"" + ad + "\",\"time\":" + (now - 60) + ",\"ttclid\":\"" + ttclid + "\"}]}", false);
      send("POST", "/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"" + pixel + "\",\"data\":[{\"event\":\"Purchase\",\"event_time\":" + now
          + ",\"event_id\":\"" + ttclid + "\",\"user\":{\"ttclid\":\"" + ttclid + "\"},\"properties\":{\"value\":1,\"currency\":\"BRL\"}}]}", false);
      long acked = System.nanoTime();
      while (conversions(report) < baseline + i + 1) {
        Thread.onSpinWait();
      }
      nanos[i] = System.nanoTime() - acked;
    }
    Arrays.sort(nanos);
    return String.format("ack->report samples=%d p50=%.2fms p99=%.2fms max=%.2fms", samples, nanos[samples / 2] / 1e6,
        nanos[(int) (samples * 0.99)] / 1e6, nanos[samples - 1] / 1e6);
  }

  private long conversions(String report) throws IOException, InterruptedException {
    Matcher m = CONVERSIONS.matcher(send("GET", report, null, false));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private String send(String method, String path, String body, boolean admin) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    b = admin ? b.header("Authorization", "Bearer " + adminToken) : b.header("Access-Token", token);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    String answer = http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    if (!answer.contains("\"code\":0")) {
      throw new IOException(method + " " + path + ": " + answer);
    }
    return answer;
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException(name + " not in " + json);
    }
    return m.group(1);
  }
}
