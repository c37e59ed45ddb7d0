package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Request bodies in the shapes real senders use → code 0 and the normalized event we expect. */
class WireCompatibilityTest extends ServerTest {
  private static final String EMAIL_HASH = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
  private static final String PHONE_HASH = "9f7ec22d72092cd3c0b58726ed9c2d91b92e51a3f29837508fb2948bb22dd2fd";
  private static final String EXTERNAL_HASH = "80fba0ae1c48e3978e43e4efc365e14e12ea0c830ba8ba5b9a2dafc7e3f2ab8b";

  private JsonNode only(String eventId) throws InterruptedException {
    for (JsonNode e : server.events("?limit=100")) {
      if (e.path("event").path("event_id").asText().equals(eventId)) {
        return e.get("event");
      }
    }
    throw new AssertionError("event " + eventId + " not found");
  }

  @Test
  void business_api_sdk_style_events_api_2() throws Exception {
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"CompletePayment","event_time":%d,"event_id":"sdk-1",
          "user":{"email":" ALICE_abc@gmail.com ","phone":"(+1)2133734253","external_id":"user_123","ttp":"ttp-1","ip":"198.51.100.7","user_agent":"Mozilla/5.0"},
          "properties":{"currency":"usd","value":25.5,"contents":[{"content_id":"sku-1","content_name":"Shoe","price":25.5,"quantity":1}],"content_type":"product","order_id":"A-1","gift_wrap":true},
          "page":{"url":"https://shop.example.com/thanks?ttclid=E.C.P.xyz&utm_source=tiktok","referrer":"https://shop.example.com/cart"}}]}
        """.formatted(server.pixel.id(), server.epoch()));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isEqualTo(0);
    assertThat(reply.message()).isEqualTo("OK");
    assertThat(reply.body().path("request_id").asText()).matches("2026030813300[0-9][0-9A-F]{20}");
    JsonNode e = only("sdk-1");
    assertThat(e.path("event").asText()).isEqualTo("CompletePayment");
    assertThat(e.path("reported_as").asText()).isEqualTo("Purchase");
    assertThat(e.path("user").path("email").get(0).asText()).isEqualTo(EMAIL_HASH);
    assertThat(e.path("user").path("phone").get(0).asText()).isEqualTo(PHONE_HASH);
    assertThat(e.path("user").path("external_id").get(0).asText()).isEqualTo(EXTERNAL_HASH);
    assertThat(e.path("user").path("ttclid").asText()).isEqualTo("E.C.P.xyz");
    assertThat(e.path("properties").path("currency").asText()).isEqualTo("USD");
    assertThat(e.path("properties").path("gift_wrap").asBoolean()).isTrue();
    assertThat(e.path("match_keys").toString()).contains("ttclid", "email", "phone", "external_id", "ttp", "ip_and_user_agent");
  }

  @Test
  void rudderstack_style_contents_ids_and_arrays_of_hashes() throws Exception {
    Server.Reply reply = server.post("/open_api/v1.3/event/track", """
        {"event_source":"web","event_source_id":"%s","partner_name":"RudderStack","data":[{"event":"AddToCart","event_time":%d,"event_id":"rs-1",
          "user":{"email":["%s","BOB@example.com"],"external_id":["%s"]},
          "properties":{"contents_ids":["a","b"],"num_items":2,"value":10,"currency":"EUR"}}]}
        """.formatted(server.pixel.id(), server.epoch(), EMAIL_HASH.toUpperCase(), EXTERNAL_HASH));
    assertThat(reply.code()).isEqualTo(0);
    JsonNode e = only("rs-1");
    assertThat(e.path("user").path("email")).hasSize(2);
    assertThat(e.path("user").path("email").get(0).asText()).isEqualTo(EMAIL_HASH);
    assertThat(e.path("properties").path("content_ids").toString()).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void stape_style_test_code_inside_the_event_goes_to_test_events_only() throws Exception {
    String code = server.pixel.testEventCode();
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"Purchase","event_time":%d,"event_id":"stape-1","test_event_code":"%s",
          "properties":{"value":1,"currency":"BRL"},"page":{"url":"https://shop.example.com/thanks"}}]}
        """.formatted(server.pixel.id(), server.epoch(), code));
    assertThat(reply.code()).isEqualTo(0);
    assertThat(server.events("")).isEmpty();
    JsonNode tests = server.get("/api/v1/sources/" + server.pixel.id() + "/test-events").body().get("data");
    assertThat(tests).hasSize(1);
    assertThat(tests.get(0).path("event").path("event_id").asText()).isEqualTo("stape-1");
    assertThat(tests.get(0).path("passed").asBoolean()).isTrue();
  }

  @Test
  void events_api_1_track_and_batch_and_the_v1_2_alias() throws Exception {
    assertThat(server.post("/open_api/v1.3/pixel/track/", """
        {"pixel_code":"%s","event":"ViewContent","event_id":"v1-1","timestamp":"2026-03-08T10:29:00-03:00",
         "context":{"ad":{"callback":"clk-9"},"page":{"url":"https://shop.example.com/p/1"},"user":{"email":" ALICE_abc@gmail.com ","phone_number":"(+1)2133734253"},
                    "ip":"198.51.100.7","user_agent":"UA"},"properties":{"contents":[{"content_id":"p1"}]}}
        """.formatted(server.pixel.id())).code()).isEqualTo(0);
    assertThat(server.post("/open_api/v1.3/pixel/batch/", """
        {"pixel_code":"%s","batch":[{"type":"track","event":"Search","event_id":"v1-2","properties":{"query":"shoes"}},
                                   {"type":"track","event":"AddToWishlist","event_id":"v1-3","timestamp":"2026-03-08T13:00:00Z"}]}
        """.formatted(server.pixel.id())).code()).isEqualTo(0);
    assertThat(server.post("/open_api/v1.2/pixel/track/", """
        {"pixel_code":"%s","event":"Contact","event_id":"v1-4"}
        """.formatted(server.pixel.id())).code()).isEqualTo(0);
    JsonNode v1 = only("v1-1");
    assertThat(v1.path("event_time_iso").asText()).isEqualTo("2026-03-08T13:29:00Z");
    assertThat(v1.path("user").path("ttclid").asText()).isEqualTo("clk-9");
    assertThat(v1.path("user").path("email").get(0).asText()).isEqualTo(EMAIL_HASH);
    assertThat(v1.path("user").path("phone").get(0).asText()).isEqualTo(PHONE_HASH);
    assertThat(only("v1-2").path("event_time_iso").asText()).isEqualTo("2026-03-08T13:30:00Z");
    assertThat(only("v1-4").path("event").asText()).isEqualTo("Contact");
  }

  @Test
  void offline_track_and_batch_with_email_and_phone_arrays() throws Exception {
    var set = server.truecount.admin().createSource(server.advertiser.id(), io.truecount.core.SourceKind.OFFLINE, java.util.Optional.of("7301000000000000001"), "store", false);
    assertThat(server.post("/open_api/v1.3/offline/track/", """
        {"event_set_id":"%s","event":"CompletePayment","event_id":"pos-1","timestamp":"2026-03-01",
         "context":{"user":{"emails":[" ALICE_abc@gmail.com "],"phone_numbers":["(11) 98765-4321"]}},
         "properties":{"order_id":"pos-1","shop_id":"s1","currency":"BRL","value":99.9,"event_channel":"in_store"}}
        """.formatted(set.id())).code()).isEqualTo(0);
    assertThat(server.post("/open_api/v1.3/offline/batch/", """
        {"event_set_id":"%s","batch":[{"event":"Purchase","event_id":"pos-2","timestamp":"2026-03-07T09:00:00Z"}]}
        """.formatted(set.id())).code()).isEqualTo(0);
    server.settle();
    JsonNode events = server.get("/api/v1/sources/" + set.id() + "/events").body().get("data");
    assertThat(events).hasSize(2);
    JsonNode pos1 = events.get(1).get("event");
    assertThat(pos1.path("event_time_iso").asText()).isEqualTo("2026-03-01T03:00:00Z");
    assertThat(pos1.path("user").path("email").get(0).asText()).isEqualTo(EMAIL_HASH);
    assertThat(pos1.path("user").path("phone").get(0).asText()).isEqualTo(io.truecount.core.pii.Pii.sha256Hex("+5511987654321"));
  }

  @Test
  void gzip_bodies_are_accepted() throws Exception {
    Server.Reply reply = server.postGzip("/open_api/v1.3/event/track/", """
        {"event_source":"web","event_source_id":"%s","data":[{"event":"Lead","event_time":%d,"event_id":"gz-1"}]}
        """.formatted(server.pixel.id(), server.epoch()));
    assertThat(reply.code()).isEqualTo(0);
    assertThat(only("gz-1").path("event").asText()).isEqualTo("Lead");
  }

  @Test
  void app_events_carry_app_and_ad_objects() throws Exception {
    var app = server.truecount.admin().createSource(server.advertiser.id(), io.truecount.core.SourceKind.APP, java.util.Optional.of("7312345678"), "app", false);
    Server.Reply reply = server.post("/open_api/v1.3/event/track/", """
        {"event_source":"app","event_source_id":"%s","data":[{"event":"InstallApp","event_time":%d,"event_id":"app-1",
          "user":{"idfa":"00000000-0000-0000-0000-000000000001","att_status":"AUTHORIZED"},
          "app":{"app_id":"7312345678","app_name":"Loja","app_version":"1.2"},"ad":{"callback":"cb","campaign_id":"1","is_retargeting":false}}]}
        """.formatted(app.id(), server.epoch()));
    assertThat(reply.code()).isEqualTo(0);
    server.settle();
    JsonNode e = server.get("/api/v1/sources/" + app.id() + "/events").body().get("data").get(0).get("event");
    assertThat(e.path("context").path("app").path("app_name").asText()).isEqualTo("Loja");
    assertThat(e.path("user").path("idfa").asText()).startsWith("00000000");
  }
}
