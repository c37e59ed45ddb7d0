package io.truecount.server.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.wire.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic (seeded) sample of a store's traffic over the last three days, sent through the
 * real HTTP routes: page views, product views, carts, purchases with value, server copies sent
 * twice (deduplicated), purchases without event_id sent twice (counted twice), test events and a
 * few malformed events (rejected with precise errors).
 */
public final class DemoTraffic {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;
  private final String token;
  private final String pixel;
  private final String testCode;
  private final Instant now;
  private final Random random;

  public DemoTraffic(String baseUrl, String token, String pixel, String testCode, Instant now, long seed) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.pixel = pixel;
    this.testCode = testCode;
    this.now = now;
    this.random = new Random(seed);
  }

  /** What was sent, for the demo's summary. */
  public record Sent(int requests, int events, int duplicatesSent, int rejectedSent) {}

  public Sent send(int users) throws IOException, InterruptedException {
    List<ObjectNode> events = new ArrayList<>();
    List<ObjectNode> pixelCopies = new ArrayList<>();
    int duplicates = 0;
    for (int u = 0; u < users; u++) {
      duplicates += journey(u, events, pixelCopies);
    }
    int requests = 0;
    for (int from = 0; from < events.size(); from += 500) {
      post("/open_api/v1.3/event/track/", batch(events.subList(from, Math.min(events.size(), from + 500)), ""));
      requests++;
    }
    for (ObjectNode copy : pixelCopies) {
      post("/open_api/v1.3/pixel/track/", copy);
      requests++;
    }
    post("/open_api/v1.3/event/track/", batch(List.of(testPurchase()), testCode));
    post("/open_api/v1.3/event/track/", batch(List.of(malformed()), ""));
    return new Sent(requests + 2, events.size() + pixelCopies.size() + 2, duplicates, 1);
  }

  private int journey(int u, List<ObjectNode> events, List<ObjectNode> pixelCopies) {
    Instant start = now.minusSeconds(60 + random.nextInt(3 * 24 * 3600));
    String ttp = "demo-ttp-" + u;
    String ttclid = random.nextInt(3) == 0 ? "E.C.P.demo" + u : "";
    String url = "https://shop.example.com/products/" + (1 + random.nextInt(40)) + (ttclid.isEmpty() ? "" : "?ttclid=" + ttclid);
    events.add(event("Pageview", start, "", ttp, u, url, null));
    events.add(event("ViewContent", start.plusSeconds(5), "vc-" + u, ttp, u, url, product(u)));
    if (random.nextInt(100) >= 40) {
      return 0;
    }
    events.add(event("AddToCart", start.plusSeconds(40), "atc-" + u, ttp, u, url, product(u)));
    if (random.nextInt(100) >= 45) {
      return 0;
    }
    Instant paid = start.plusSeconds(300 + random.nextInt(3600));
    String thanks = "https://shop.example.com/checkout/thank-you?order=" + (1000 + u);
    boolean noEventId = random.nextInt(10) == 0;
    ObjectNode purchase = event("Purchase", paid, noEventId ? "" : "order-" + (1000 + u), ttp, u, thanks, purchaseProperties(u));
    events.add(purchase);
    if (noEventId) {
      events.add(purchase.deepCopy());
      return 1;
    }
    if (random.nextInt(4) == 0) {
      pixelCopies.add(v1Copy(purchase));
      return 1;
    }
    return 0;
  }

  private ObjectNode event(String name, Instant at, String eventId, String ttp, int u, String url, ObjectNode properties) {
    ObjectNode e = Json.MAPPER.createObjectNode().put("event", name).put("event_time", Math.min(at.getEpochSecond(), now.getEpochSecond()));
    if (!eventId.isEmpty()) {
      e.put("event_id", eventId);
    }
    ObjectNode user = e.putObject("user").put("ttp", ttp).put("ip", "203.0.113." + (u % 250)).put("user_agent", "Mozilla/5.0 (demo)");
    if (u % 3 != 0) {
      user.put("email", "Shopper" + u + "@Example.com ");
    }
    if (u % 5 == 0) {
      user.put("phone", "+55 11 9" + String.format("%04d", u % 10000) + "-" + String.format("%04d", (u * 7) % 10000));
    }
    if (u % 2 == 0) {
      user.put("external_id", "customer-" + u);
    }
    e.putObject("page").put("url", url);
    if (properties != null) {
      e.set("properties", properties);
    }
    return e;
  }

  private ObjectNode product(int u) {
    ObjectNode p = Json.MAPPER.createObjectNode().put("currency", "BRL").put("value", 49.9 + (u % 7) * 10).put("content_type", "product");
    p.putArray("contents").addObject().put("content_id", "sku-" + (u % 40)).put("price", 49.9 + (u % 7) * 10).put("quantity", 1);
    return p;
  }

  private ObjectNode purchaseProperties(int u) {
    return product(u).put("order_id", Integer.toString(1000 + u));
  }

  private ObjectNode v1Copy(ObjectNode v2) {
    ObjectNode v1 = Json.MAPPER.createObjectNode().put("pixel_code", pixel).put("event", v2.get("event").asText())
        .put("event_id", v2.get("event_id").asText())
        .put("timestamp", Instant.ofEpochSecond(v2.get("event_time").asLong()).plusSeconds(2).toString());
    ObjectNode context = v1.putObject("context");
    context.putObject("user").put("ttp", v2.path("user").path("ttp").asText());
    context.set("page", v2.get("page"));
    context.put("ip", v2.path("user").path("ip").asText());
    v1.set("properties", v2.get("properties"));
    return v1;
  }

  private ObjectNode testPurchase() {
    return event("Purchase", now, "test-order-1", "demo-ttp-test", 1, "https://shop.example.com/checkout/thank-you?order=test", purchaseProperties(1));
  }

  private ObjectNode malformed() {
    ObjectNode bad = event("Purchase", now, "", "demo-ttp-bad", 3, "https://shop.example.com/checkout/thank-you", purchaseProperties(3));
    bad.put("event_id", 273196);
    return bad;
  }

  private ObjectNode batch(List<ObjectNode> events, String code) {
    ObjectNode body = Json.MAPPER.createObjectNode().put("event_source", "web").put("event_source_id", pixel).put("partner_name", "TruecountDemo");
    if (!code.isEmpty()) {
      body.put("test_event_code", code);
    }
    ArrayNode data = body.putArray("data");
    events.forEach(data::add);
    return body;
  }

  private void post(String path, ObjectNode body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
        .header("Access-Token", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("demo request to " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
    }
  }
}
