package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.pii.Pii;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Cookie;

/**
 * The first-party pixel in real headless Chromium: a shop page on one 127.0.0.1 origin loads
 * TikTok's snippet pointing at Truecount on another; events must arrive hashed, with cookies,
 * click id, URL and event_id, merge with server copies, honour consent, and never break the page.
 */
class PixelBrowserTest {
  static final String ALICE_EMAIL_SHA256 = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
  static final String PHONE_SHA256 = "9f7ec22d72092cd3c0b58726ed9c2d91b92e51a3f29837508fb2948bb22dd2fd";
  static final String USER_123_SHA256 = "80fba0ae1c48e3978e43e4efc365e14e12ea0c830ba8ba5b9a2dafc7e3f2ab8b";

  static Browser browser;
  @TempDir Path dir;
  Server server;
  TestSite site;

  @BeforeAll
  static void startBrowser() {
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void start() {
    server = new Server(dir);
    site = new TestSite();
    browser.driver.get(site.base() + "/blank");
    browser.driver.manage().deleteAllCookies();
    browser.script("sessionStorage.clear();");
  }

  @AfterEach
  void stop() {
    site.close();
    server.close();
  }

  /** A shop page: error recorders, then TikTok's snippet with {@code calls} where it says ttq.page(). */
  String page(String path, String calls, String beforeSnippet) {
    return site.page(path, html(calls, beforeSnippet));
  }

  String html(String calls, String beforeSnippet) {
    String snippet = server.get("/api/v1/sources/" + server.pixel.id() + "/snippet?base_url=" + server.base).body().path("data").path("snippet").asText();
    assertThat(snippet).contains("ttq.page();");
    String recorders = """
        <script>
        window.__errors = []; window.__sent = []; window.__failed = []; window.__bodies = [];
        window.addEventListener('error', function (e) { __errors.push(String(e.message)); });
        window.addEventListener('unhandledrejection', function (e) { __errors.push('rejection: ' + e.reason); });
        var realFetch = window.fetch;
        window.fetch = function (url, options) { __bodies.push(options && options.body); return realFetch.apply(this, arguments); };
        %s
        </script>
        """.formatted(beforeSnippet);
    String listeners = "ttq.on('sent', function (d) { __sent.push(d); }); ttq.on('error', function (d) { __failed.push(d); });\n";
    return "<!doctype html><html><head>" + recorders + snippet.replace("ttq.page();", listeners + calls) + "</head><body>shop</body></html>";
  }

  /** Waits (in the page, event-driven by the script's callbacks) until {@code count} sends were answered. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> deliveries(int count) {
    return (List<Map<String, Object>>) browser.async("""
        var done = arguments[arguments.length - 1], count = arguments[0];
        (function check() {
          var all = window.__sent.concat(window.__failed);
          var events = all.reduce(function (n, d) { return n + d.events; }, 0);
          if (events >= count) { done(all); } else { ttq.once('sent', check); ttq.once('error', check); }
        })();
        """, count);
  }

  JsonNode event(String name, String eventId) throws InterruptedException {
    for (JsonNode e : server.events("?event=" + name)) {
      if (e.path("event").path("event_id").asText().equals(eventId)) {
        return e;
      }
    }
    throw new AssertionError("no " + name + " " + eventId + " in " + server.events(""));
  }

  List<String> errors() {
    @SuppressWarnings("unchecked")
    List<Object> errors = (List<Object>) browser.script("return window.__errors;");
    return errors.stream().map(String::valueOf).toList();
  }

  @Test
  void page_identify_and_track_arrive_hashed_with_cookies_click_id_url_and_event_id() throws Exception {
    String url = page("/shop/product", """
        ttq.page();
        ttq.identify({email: ' ALICE_abc@gmail.com ', phone_number: '(+1)2133734253', external_id: 'user_123'});
        ttq.track('ViewContent', {contents: [{content_id: 'sku-1', price: 10}], value: 10, currency: 'BRL'}, {event_id: 'view-1'});
        ttq.track('Purchase', {contents: [{content_id: 'sku-1', quantity: 1, price: 10}], value: 10, currency: 'BRL'}, {event_id: 'order-1'});
        """, "") + "?ttclid=E.C.P.clickABC&utm_source=tiktok";
    browser.driver.get(url);
    List<Map<String, Object>> sent = deliveries(3);
    assertThat(sent).allSatisfy(d -> assertThat(((Number) d.get("code")).intValue()).isZero());

    Cookie ttp = browser.driver.manage().getCookieNamed("_ttp");
    Cookie clickCookie = browser.driver.manage().getCookieNamed("ttclid");
    assertThat(ttp).isNotNull();
    assertThat(ttp.getExpiry().getTime() - System.currentTimeMillis()).isBetween(390L * 86_400_000, 396L * 86_400_000);
    assertThat(clickCookie.getValue()).isEqualTo("E.C.P.clickABC");
    assertThat(clickCookie.getExpiry().getTime() - System.currentTimeMillis()).isBetween(27L * 86_400_000, 29L * 86_400_000);

    JsonNode purchase = event("Purchase", "order-1").path("event");
    assertThat(purchase.path("channel").asText()).isEqualTo("browser");
    assertThat(purchase.path("user").path("email").get(0).asText()).isEqualTo(ALICE_EMAIL_SHA256);
    assertThat(purchase.path("user").path("phone").get(0).asText()).isEqualTo(PHONE_SHA256);
    assertThat(purchase.path("user").path("external_id").get(0).asText()).isEqualTo(USER_123_SHA256);
    assertThat(purchase.path("user").path("ttp").asText()).isEqualTo(ttp.getValue());
    assertThat(purchase.path("user").path("ttclid").asText()).isEqualTo("E.C.P.clickABC");
    assertThat(purchase.path("user").path("ip").asText()).isEqualTo("127.0.0.1");
    assertThat(purchase.path("user").path("user_agent").asText()).contains("Chrome");
    assertThat(purchase.path("page").path("url").asText()).isEqualTo(url);
    assertThat(purchase.path("properties").path("value").asDouble()).isEqualTo(10.0);
    assertThat(purchase.path("properties").path("currency").asText()).isEqualTo("BRL");
    assertThat(purchase.path("event_time").asLong()).isBetween(server.epoch() - 60, server.epoch());

    JsonNode pageview = server.events("?event=Pageview").get(0).path("event");
    assertThat(pageview.path("user").path("email")).as("page() ran before identify()").isEmpty();
    assertThat(pageview.path("user").path("ttp").asText()).isEqualTo(ttp.getValue());
    assertThat(event("ViewContent", "view-1").path("seq").asLong()).isLessThan(event("Purchase", "order-1").path("seq").asLong());

    @SuppressWarnings("unchecked")
    List<Object> bodies = (List<Object>) browser.script("return window.__bodies;");
    assertThat(String.join("\n", bodies.stream().map(String::valueOf).toList())).doesNotContainIgnoringCase("alice").doesNotContain("2133734253").doesNotContain("user_123");
    assertThat(errors()).isEmpty();
  }

  @Test
  void browser_hashes_equal_the_server_normalization_for_emails_and_phones() throws Exception {
    List<String> emails = List.of(" ALICE_abc@gmail.com ", "Bob.Smith+tag@Example.COM", "ünïcode@exämple.com");
    List<String> phones = List.of("(+1)2133734253", "+55 11 91234-5678", "(11) 91234-5678", "011 91234-5678");
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < emails.size(); i++) {
      calls.add("ttq.identify({email: " + js(emails.get(i)) + "}); ttq.track('Lead', {}, {event_id: 'e" + i + "'});");
    }
    for (int i = 0; i < phones.size(); i++) {
      calls.add("ttq.identify({phone_number: " + js(phones.get(i)) + "}); ttq.track('Contact', {}, {event_id: 'p" + i + "'});");
    }
    browser.driver.get(page("/parity", String.join("\n", calls), ""));
    deliveries(emails.size() + phones.size());
    for (int i = 0; i < emails.size(); i++) {
      String expected = Pii.sha256Hex(Pii.normalizeEmail(emails.get(i)).orElseThrow());
      assertThat(event("Lead", "e" + i).path("event").path("user").path("email").get(0).asText()).as(emails.get(i)).isEqualTo(expected);
    }
    for (int i = 0; i < phones.size(); i++) {
      String expected = Pii.sha256Hex(Pii.normalizePhone(phones.get(i), "BR").orElseThrow());
      assertThat(event("Contact", "p" + i).path("event").path("user").path("phone").get(0).asText()).as(phones.get(i)).isEqualTo(expected);
    }
  }

  @Test
  void without_web_crypto_the_script_hashes_with_its_own_sha256() throws Exception {
    browser.driver.get(page("/plain-http", """
        ttq.identify({email: ' ALICE_abc@gmail.com ', external_id: 'user_123'});
        ttq.track('Lead', {}, {event_id: 'plain-1'});
        """, "Object.defineProperty(window.crypto, 'subtle', {value: undefined});"));
    deliveries(1);
    JsonNode user = event("Lead", "plain-1").path("event").path("user");
    assertThat(user.path("email").get(0).asText()).isEqualTo(ALICE_EMAIL_SHA256);
    assertThat(user.path("external_id").get(0).asText()).isEqualTo(USER_123_SHA256);
    assertThat(errors()).isEmpty();
  }

  @Test
  void a_server_copy_with_the_same_event_id_merges_into_the_browser_copy() throws Exception {
    browser.driver.get(page("/thanks", "ttq.track('Purchase', {value: 25, currency: 'BRL'}, {event_id: 'order-77'});", ""));
    deliveries(1);
    server.clock.advance(java.time.Duration.ofMinutes(2));
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"Purchase","event_time":%d,"event_id":"order-77",
          "user":{"external_id":"user_123"},"properties":{"value":25,"currency":"BRL","order_id":"77"}}]}
        """.formatted(server.pixel.id(), server.epoch()));
    assertThat(reply.code()).isZero();
    JsonNode copies = server.events("?event=Purchase");
    assertThat(copies).hasSize(2);
    JsonNode browserCopy = server.events("?event=Purchase&channel=browser").get(0);
    JsonNode detail = server.get("/api/v1/sources/" + server.pixel.id() + "/events/" + browserCopy.path("seq").asLong()).body().path("data");
    assertThat(detail.path("event").path("channel").asText()).isEqualTo("browser");
    assertThat(detail.path("dedup").path("outcome").asText()).isEqualTo("first");
    assertThat(detail.path("connection_method").asText()).isEqualTo("server & browser");
    assertThat(detail.path("event").path("user").path("external_id").get(0).asText()).as("filled from the server copy").isEqualTo(USER_123_SHA256);
    assertThat(detail.path("event").path("properties").path("order_id").asText()).isEqualTo("77");
    JsonNode serverCopy = server.events("?event=Purchase&channel=server").get(0);
    assertThat(serverCopy.path("dedup").path("outcome").asText()).isEqualTo("merged");
    assertThat(serverCopy.path("dedup").path("matched_seq").asLong()).isEqualTo(browserCopy.path("seq").asLong());
    JsonNode health = server.get("/api/v1/sources/" + server.pixel.id() + "/health").body().path("data").path("events");
    assertThat(health.get(0).path("counted").asLong()).isEqualTo(1);
    assertThat(health.get(0).path("connection_method").path("server & browser").asLong()).isEqualTo(1);
  }

  @Test
  void held_events_wait_for_consent_are_sent_on_grant_and_dropped_on_revoke() throws Exception {
    browser.driver.get(page("/consent", """
        ttq.holdConsent();
        ttq.track('ViewContent', {}, {event_id: 'held-1'});
        """, ""));
    browser.async("ttq.ready(arguments[arguments.length - 1]);");
    assertThat(browser.driver.manage().getCookieNamed("_ttp")).as("no cookie before consent").isNull();
    assertThat((List<?>) browser.script("return window.__bodies;")).isEmpty();

    browser.script("ttq.grantConsent();");
    deliveries(1);
    assertThat(browser.driver.manage().getCookieNamed("_ttp")).isNotNull();
    assertThat(event("ViewContent", "held-1").path("event").path("user").path("ttp").asText()).isNotEmpty();

    browser.script("""
        ttq.holdConsent();
        ttq.track('AddToCart', {}, {event_id: 'dropped-1'});
        ttq.revokeConsent();
        ttq.track('AddToCart', {}, {event_id: 'dropped-2'});
        ttq.grantConsent();
        ttq.track('AddToCart', {}, {event_id: 'after-grant'});
        """);
    deliveries(2);
    List<String> ids = new ArrayList<>();
    server.events("?event=AddToCart").forEach(e -> ids.add(e.path("event").path("event_id").asText()));
    assertThat(ids).containsExactly("after-grant");
    assertThat(errors()).isEmpty();
  }

  @Test
  void disable_cookie_sends_no_ttp_and_writes_no_cookie() throws Exception {
    browser.driver.get(page("/no-cookies", """
        ttq.disableCookie();
        ttq.track('Search', {query: 'shoes'}, {event_id: 's-1'});
        """, "") + "?ttclid=E.C.P.nocookie");
    deliveries(1);
    JsonNode user = event("Search", "s-1").path("event").path("user");
    assertThat(user.path("ttp").asText()).isEmpty();
    assertThat(user.path("ttclid").asText()).as("the landing URL's click id still travels").isEqualTo("E.C.P.nocookie");
    assertThat(browser.driver.manage().getCookies()).isEmpty();
  }

  @Test
  void test_mode_sends_to_test_events_only() throws Exception {
    String code = server.pixel.testEventCode();
    String snippetLoad = "ttq.load('" + server.pixel.id() + "');";
    String url = page("/test-mode", "ttq.track('Purchase', {value: 5, currency: 'BRL'}, {event_id: 'test-1'});", "");
    assertThat(html("", "")).contains(snippetLoad);
    browser.driver.get(url + "?tt_test_id=" + code);
    deliveries(1);
    assertThat(server.events("")).isEmpty();
    JsonNode tests = server.get("/api/v1/sources/" + server.pixel.id() + "/test-events").body().path("data");
    assertThat(tests).hasSize(1);
    assertThat(tests.get(0).path("event").path("event_id").asText()).isEqualTo("test-1");
    assertThat(tests.get(0).path("event").path("channel").asText()).isEqualTo("browser");

    browser.script("sessionStorage.clear();");
    String optionPage = site.page("/test-option", html("ttq.track('Purchase', {value: 5, currency: 'BRL'}, {event_id: 'test-2'});", "")
        .replace(snippetLoad, "ttq.load('" + server.pixel.id() + "', {test_event_code: '" + code + "'});"));
    browser.driver.get(optionPage);
    deliveries(1);
    assertThat(server.get("/api/v1/sources/" + server.pixel.id() + "/test-events").body().path("data")).hasSize(2);
    assertThat(server.events("")).isEmpty();
  }

  @Test
  void broken_calls_never_raise_errors_in_the_page() throws Exception {
    browser.driver.get(page("/broken", """
        var circular = {}; circular.self = circular;
        ttq.track();
        ttq.track(42);
        ttq.track('', {});
        ttq.track('ViewContent', circular, {event_id: 'circ-1'});
        ttq.identify(null);
        ttq.identify('alice@example.com');
        ttq.identify({email: {nested: true}, phone_number: ['not a phone', 12]});
        ttq.on('sent', 'not a function');
        ttq.on('sent', function () { throw new Error('listener boom'); });
        ttq.off();
        ttq.once();
        ttq.ready(null);
        ttq.debug(true);
        ttq.alias('x');
        ttq.group('y');
        ttq.instance('NOTLOADEDYET0000000X').track('Purchase', {value: 1, currency: 'BRL'}, {event_id: 'lost-like-tiktok'});
        ttq.track('AddToCart', {value: 3, currency: 'XXXX'}, {event_id: 'bad-currency'});
        ttq.track('Purchase', {value: 9, currency: 'BRL'}, {event_id: 'good-1'});
        """, ""));
    deliveries(3);
    browser.script("""
        ttq.push(null); ttq.push(['nosuch']); ttq.push(['track', 'Contact', {}, {event_id: 'pushed-1'}]);
        ttq.instances().forEach(function (i) { i.page(); });
        ttq.instance('NOSUCHPIXEL000000000').track('Purchase', {value: 1, currency: 'BRL'}, {event_id: 'nosuch-1'});
        ttq.load(null);
        """);
    deliveries(6);
    assertThat(errors()).isEmpty();
    assertThat(event("Purchase", "good-1")).isNotNull();
    assertThat(event("ViewContent", "circ-1").path("event").path("properties").isEmpty()).isTrue();
    assertThat(event("Contact", "pushed-1")).isNotNull();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> failed = (List<Map<String, Object>>) browser.script("return window.__failed;");
    assertThat(failed).extracting(f -> ((Number) f.get("code")).intValue()).contains(40001);
  }

  private static String js(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
