package io.truecount.server.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.wire.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * The simulator: a deterministic (seeded) store with TikTok ads over the last three days, sent
 * through the real HTTP routes. Campaigns with different objectives, windows and count modes;
 * daily delivery with spend (and platform-reported conversions, a little above ours, as Ads
 * Manager tends to be); user journeys with landing clicks ({@code ttclid} + {@code tt_ad} in the
 * URL), views and engaged views (touch API, some arriving after their conversions), page views,
 * product views, lead forms (the legacy SubmitForm, reported as Lead), carts, purchases with
 * value, across midnights (and DST changes when the zone has them); server copies sent twice (deduplicated), purchases
 * without event_id sent twice (counted twice), test events and a malformed event. Each user
 * meets at most one ad, so the expected conversions per ad (the ground truth) follow directly
 * from the rules.
 */
public final class DemoTraffic {
  private final DemoSender sender;
  private final String pixel;
  private final String testCode;
  private final Instant now;
  private final Random random;
  private final List<DemoAccount.AdPlan> ads;
  private final List<ObjectNode> touches = new ArrayList<>();
  private final Map<String, Long> expected = new TreeMap<>();
  private final java.time.ZoneId zone;
  private String creditedPurchase = "";

  /** @param zone the advertiser's time zone: delivery days, and the day each expected conversion reports on */
  public DemoTraffic(String baseUrl, String token, String pixel, String testCode, Instant now, long seed, List<DemoAccount.AdPlan> ads, java.time.ZoneId zone) {
    this(() -> baseUrl, token, pixel, testCode, now, seed, ads, zone);
  }

  /** Traffic whose every request goes to the base URL {@code baseUrl} gives at that moment (requests are sent one at a time). */
  public DemoTraffic(java.util.function.Supplier<String> baseUrl, String token, String pixel, String testCode, Instant now, long seed,
      List<DemoAccount.AdPlan> ads, java.time.ZoneId zone) {
    this.ads = ads;
    this.zone = zone;
    this.shopify = new DemoShopifyExport(zone);
    this.sender = new DemoSender(baseUrl, token);
    this.pixel = pixel;
    this.testCode = testCode;
    this.now = now;
    this.random = new Random(seed);
  }

  /**
   * What was sent, for the demo's summary, and the ground truth: conversions (optimization
   * events, impression basis) per "ad id|local day of the touch".
   */
  public record Sent(int requests, int events, int duplicatesSent, int rejectedSent, int touches, Map<String, Long> expectedConversions,
      String creditedPurchaseId) {}

  public Sent send(int users) throws IOException, InterruptedException {
    List<ObjectNode> events = new ArrayList<>();
    List<ObjectNode> pixelCopies = new ArrayList<>();
    int duplicates = 0;
    for (int u = 0; u < users; u++) {
      duplicates += journey(u, events, pixelCopies);
    }
    int requests = 0;
    List<ObjectNode> early = touches.subList(0, touches.size() / 2);
    List<ObjectNode> late = touches.subList(touches.size() / 2, touches.size());
    requests += postTouches(early);
    requests += postDelivery();
    for (int from = 0; from < events.size(); from += 500) {
      sender.post("/open_api/v1.3/event/track/", batch(events.subList(from, Math.min(events.size(), from + 500)), ""));
      requests++;
    }
    for (ObjectNode copy : pixelCopies) {
      sender.post("/open_api/v1.3/pixel/track/", copy);
      requests++;
    }
    sender.post("/open_api/v1.3/event/track/", batch(List.of(testPurchase()), testCode));
    sender.post("/open_api/v1.3/event/track/", batch(List.of(malformed()), ""));
    requests += postTouches(late);
    return new Sent(requests + 2, events.size() + pixelCopies.size() + 2, duplicates, 1, touches.size(), Map.copyOf(expected), creditedPurchase);
  }

  private int journey(int u, List<ObjectNode> events, List<ObjectNode> pixelCopies) {
    int from = events.size();
    Instant start = now.minusSeconds(60 + random.nextInt(3 * 24 * 3600));
    String ttp = "demo-ttp-" + u;
    int meets = random.nextInt(100);
    DemoAccount.AdPlan ad = ads.isEmpty() ? null : ads.get(random.nextInt(ads.size()));
    String kind = ad == null || meets >= 60 ? "" : meets < 25 ? "click" : meets < 45 ? "view" : "engaged_view";
    String ttclid = kind.equals("click") ? "E.C.P.demo" + u : random.nextInt(8) == 0 ? "E.C.P.organic" + u : "";
    String url = "https://shop.example.com/products/" + (1 + random.nextInt(40)) + (ttclid.isEmpty() ? "" : "?ttclid=" + ttclid)
        + (kind.equals("click") ? "&tt_ad=" + ad.adId() : "");
    Instant touchTime = kind.equals("click") ? clip(start) : start.minusSeconds(random.nextInt(kind.equals("view") ? 36 * 3600 : 3 * 24 * 3600));
    if (kind.equals("view") || kind.equals("engaged_view")) {
      touches.add(touch(u, ad, kind, touchTime, ttp));
    }
    int duplicates = steps(u, start, ttp, url, events, pixelCopies);
    if (!kind.isEmpty()) {
      expect(ad, kind, touchTime, events.subList(from, events.size()));
    }
    return duplicates;
  }

  /** The ground truth: the user's optimization events inside the window of the one touch they had (ONCE: the first of each). */
  private void expect(DemoAccount.AdPlan ad, String kind, Instant touchTime, List<ObjectNode> userEvents) {
    long count = 0;
    for (ObjectNode e : userEvents) {
      long gap = e.get("event_time").asLong() - touchTime.getEpochSecond();
      boolean inWindow = gap >= 0 && gap < ad.window(kind).toSeconds();
      if (inWindow && creditedPurchase.isEmpty() && e.get("event").asText().equals("Purchase") && e.has("event_id")) {
        creditedPurchase = e.get("event_id").asText();
      }
      if (io.truecount.core.EventNames.reportedName(e.get("event").asText()).equals(ad.optimizationEvent()) && gap >= 0 && gap < ad.window(kind).toSeconds()) {
        count++;
      }
    }
    String day = touchTime.atZone(zone).toLocalDate().toString();
    expected.merge(ad.adId() + "|" + day, ad.once() ? Math.min(1, count) : count, Long::sum);
  }

  private int steps(int u, Instant start, String ttp, String url, List<ObjectNode> events, List<ObjectNode> pixelCopies) {
    events.add(event("Pageview", start, "", ttp, u, url, null));
    events.add(event("ViewContent", start.plusSeconds(5), "vc-" + u, ttp, u, url, product(u)));
    if (random.nextInt(100) < 20) {
      events.add(event("SubmitForm", start.plusSeconds(20), "lead-" + u, ttp, u, url, null));
    }
    if (random.nextInt(100) >= 40) {
      return 0;
    }
    events.add(event("AddToCart", start.plusSeconds(40), "atc-" + u, ttp, u, url, product(u)));
    if (random.nextInt(100) >= 45) {
      return 0;
    }
    Instant paid = start.plusSeconds(300 + random.nextInt(3600));
    boolean wrongPage = u % 9 == 4;
    String thanks = wrongPage ? "https://shop.example.com/products/" + (u % 40) : "https://shop.example.com/checkout/thank-you?order=" + (1000 + u);
    boolean noEventId = random.nextInt(10) == 0;
    ObjectNode purchase = event("Purchase", paid, noEventId ? "" : "order-" + (1000 + u), ttp, u, thanks, purchaseProperties(u));
    planted.refunds += shopify.add(u, purchase) ? 1 : 0;
    if (inOutage(paid)) {
      planted.outage += u % 17 == 0 ? 0 : 1;
      return 0;
    }
    events.add(purchase);
    planted.wrongPage += wrongPage ? 1 : 0;
    if (noEventId) {
      events.add(purchase.deepCopy());
      planted.duplicatesWithoutEventId++;
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
    ObjectNode user = e.putObject("user").put("ttp", ttp).put("ip", "203.0.113." + (u % 250)).put("user_agent", "Mozilla/5.0 (demo " + u + ")");
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

  private final Planted planted = new Planted();

  public Planted planted() {
    return planted;
  }

  /** A tracking outage: purchase events paid between 30 and 26 hours ago were never sent (the store has the orders). */
  private boolean inOutage(Instant paid) {
    return !paid.isBefore(now.minusSeconds(30 * 3600)) && paid.isBefore(now.minusSeconds(26 * 3600));
  }

  private final DemoShopifyExport shopify;

  /** The same orders from a backend that keeps UTC times, for {@code truecount reconcile --format csv}. */
  public String utcBackendExport() {
    return shopify.utcBackendExport();
  }

  /** Shopify's export of the same store, for {@code truecount reconcile}. */
  public String shopifyExport() {
    return shopify.export(now);
  }

  private Instant clip(Instant at) {
    return at.isAfter(now) ? now : at;
  }

  private ObjectNode touch(int u, DemoAccount.AdPlan ad, String kind, Instant at, String ttp) {
    ObjectNode t = Json.MAPPER.createObjectNode().put("kind", kind).put("ad_id", ad.adId()).put("time", at.getEpochSecond());
    ObjectNode user = t.putObject("user").put("ttp", ttp);
    if (u % 3 != 0) {
      user.put("email", "Shopper" + u + "@Example.com ");
    }
    return t;
  }

  private int postTouches(List<ObjectNode> list) throws IOException, InterruptedException {
    if (list.isEmpty()) {
      return 0;
    }
    ObjectNode body = Json.MAPPER.createObjectNode();
    list.forEach(body.putArray("touches")::add);
    sender.post("/api/v1/touches", body);
    return 1;
  }

  /** Four local days of delivery per ad, with the platform's own (slightly higher) conversion counts. */
  private int postDelivery() throws IOException, InterruptedException {
    if (ads.isEmpty()) {
      return 0;
    }
    sender.post("/api/v1/delivery", DemoAccount.delivery(ads, now.atZone(zone).toLocalDate(), random));
    return 1;
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

}
