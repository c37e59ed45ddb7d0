package io.truecount.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.truecount.core.EventSource;
import io.truecount.core.Role;
import io.truecount.core.SourceKind;
import io.truecount.server.http.Access;
import io.truecount.server.http.Route;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route, asked as anonymous, as an analyst and an admin of advertiser A, and as the admin of
 * advertiser B: the answer must match the route's declared access class, and nobody reads or
 * changes another advertiser's data anywhere.
 */
class AccessMatrixTest {
  static final String PASSWORD = "correct horse battery staple";
  @TempDir Path dir;
  Server server;
  EventSource otherPixel;
  String otherToken;
  String tokenId;
  String seq;
  UiClient anonymous;
  UiClient analyst;
  UiClient admin;
  UiClient stranger;

  @BeforeEach
  void start() {
    server = new Server(dir);
    Truecount t = server.truecount;
    var other = t.admin().createAdvertiser(Optional.of("7000000000000002"), "Other shop", "Europe/Berlin", "EUR", "DE");
    otherPixel = t.admin().createSource(other.id(), SourceKind.WEB, Optional.of("COTHERPIXEL000000001"), "other site", false);
    otherToken = t.admin().createToken(other.id(), Optional.empty()).token().id();
    tokenId = t.admin().tokens(server.advertiser.id()).get(0).id();
    t.users().create("ana", PASSWORD, Role.ANALYST, server.advertiser.id());
    t.users().create("ada", PASSWORD, Role.ADMIN, server.advertiser.id());
    t.users().create("bob", PASSWORD, Role.ADMIN, other.id());
    assertThat(server.post("/open_api/v1.3/event/track/", "{\"event_source\":\"web\",\"event_source_id\":\"" + server.pixel.id()
        + "\",\"data\":[{\"event\":\"Purchase\",\"event_id\":\"o-1\",\"event_time\":" + server.epoch() + "}]}").code()).isZero();
    try {
      server.settle();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    seq = Long.toString(t.attribution().conversions().get(0).seq());
    anonymous = new UiClient(server.base);
    analyst = UiClient.signedIn(server.base, "ana", PASSWORD);
    admin = UiClient.signedIn(server.base, "ada", PASSWORD);
    stranger = UiClient.signedIn(server.base, "bob", PASSWORD);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void every_route_answers_by_its_access_class() {
    List<String> checked = new ArrayList<>();
    for (Route route : server.truecount.http().routes()) {
      String path = concrete(route.template(), server.advertiser.id(), server.pixel.id(), tokenId, seq);
      switch (route.access()) {
        case PUBLIC -> { }
        case ADMIN -> {
          for (UiClient who : List.of(anonymous, analyst, admin, stranger)) {
            assertThat(status(who, route.method(), path, true)).as("%s %s without the admin token", route.method(), path).isEqualTo(401);
          }
        }
        case SOURCE_TOKEN, ADVERTISER_TOKEN -> {
          for (UiClient who : List.of(anonymous, admin)) {
            HttpResponse<String> answer = send(who, route.method(), path, true);
            assertThat(answer.body()).as("%s %s without Access-Token", route.method(), path).contains("\"code\":40104");
          }
        }
        case SESSION -> {
          assertThat(status(anonymous, route.method(), path, false)).as("%s %s anonymous", route.method(), path).isEqualTo(401);
          UiClient fresh = UiClient.signedIn(server.base, "ana", PASSWORD);
          assertThat(status(fresh, route.method(), path, true)).as("%s %s analyst", route.method(), path).isNotIn(401, 403, 404);
        }
        case MEMBER, MEMBER_ADMIN -> member(route, path);
      }
      checked.add(route.access() + " " + route.method() + " " + route.template());
    }
    assertThat(checked).hasSize(server.truecount.http().routes().size());
    assertThat(checked).anyMatch(c -> c.startsWith("MEMBER_ADMIN")).anyMatch(c -> c.startsWith("ADVERTISER_TOKEN")).anyMatch(c -> c.startsWith("SESSION"));
  }

  private void member(Route route, String path) {
    String what = route.method() + " " + route.template();
    assertThat(status(anonymous, route.method(), path, false)).as("%s anonymous", what).isEqualTo(401);
    assertThat(status(stranger, route.method(), path, true)).as("%s by another advertiser's admin", what).isEqualTo(404);
    String ownAdvertiserForeignIds = concrete(route.template(), "7000000000000002", server.pixel.id(), tokenId, seq);
    if (!ownAdvertiserForeignIds.equals(concrete(route.template(), "7000000000000002", otherPixel.id(), otherToken, "0"))) {
      assertThat(status(stranger, route.method(), ownAdvertiserForeignIds, true)).as("%s: B's admin naming A's source or token under B", what).isEqualTo(404);
    }
    int asAnalyst = status(analyst, route.method(), path, true);
    if (route.access() == Access.MEMBER_ADMIN) {
      assertThat(asAnalyst).as("%s by an analyst", what).isEqualTo(403);
      assertThat(status(admin, route.method(), path, false)).as("%s by an admin without the CSRF token", what).isEqualTo(403);
    } else {
      assertThat(asAnalyst).as("%s by an analyst", what).isNotIn(401, 403, 404, 500);
    }
  }

  @Test
  void an_analyst_cannot_create_a_token_and_an_admin_can() {
    String path = "/ui/a/" + server.advertiser.id() + "/tokens";
    int before = server.truecount.admin().tokens(server.advertiser.id()).size();
    assertThat(analyst.change(path, Map.of()).statusCode()).isEqualTo(403);
    assertThat(admin.post(path, Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
    assertThat(stranger.change(path, Map.of()).statusCode()).isEqualTo(404);
    assertThat(server.truecount.admin().tokens(server.advertiser.id())).hasSize(before);
    HttpResponse<String> created = admin.change(path, Map.of("event_source_id", server.pixel.id()));
    assertThat(created.statusCode()).isEqualTo(200);
    String secret = created.body().replaceAll("(?s).*data-secret>([0-9a-f]{40})<.*", "$1");
    assertThat(secret).hasSize(40);
    assertThat(server.truecount.admin().tokens(server.advertiser.id())).hasSize(before + 1);
    assertThat(server.post("/open_api/v1.3/pixel/track/", secret, "{\"pixel_code\":\"" + server.pixel.id() + "\",\"event\":\"ViewContent\",\"timestamp\":\""
        + server.clock.instant() + "\",\"context\":{}}").code()).isZero();
    assertThat(admin.get("/ui/a/" + server.advertiser.id() + "/sources/" + server.pixel.id()).body()).doesNotContain(secret);
  }

  @Test
  void nobody_can_name_another_advertisers_source_token_or_conversion_under_their_own() {
    String b = "/ui/a/7000000000000002";
    for (String path : List.of(b + "/sources/" + server.pixel.id(), b + "/sources/" + server.pixel.id() + "/test-events",
        b + "/sources/" + server.pixel.id() + "/test-events/stream")) {
      assertThat(stranger.get(path).statusCode()).as(path).isEqualTo(404);
    }
    assertThat(stranger.change(b + "/tokens/" + tokenId + "/revoke", Map.of()).statusCode()).isEqualTo(404);
    assertThat(stranger.change(b + "/tokens", Map.of("event_source_id", server.pixel.id())).statusCode()).isEqualTo(404);
    assertThat(server.truecount.admin().token(tokenId).revocation()).isEmpty();
    assertThat(stranger.page("/ui")).contains("Other shop").doesNotContain("Loja");
  }

  @Test
  void sign_in_is_throttled_and_the_session_cookie_is_locked_down() {
    UiClient guesser = new UiClient(server.base);
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.signIn("ada", "wrong password " + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> blocked = guesser.signIn("ada", PASSWORD);
    assertThat(blocked.statusCode()).isEqualTo(429);
    assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
    server.clock.advance(java.time.Duration.ofMinutes(16));
    HttpResponse<String> later = new UiClient(server.base).signIn("ada", PASSWORD);
    assertThat(later.statusCode()).isEqualTo(303);
    String cookie = later.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("tc_session=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");
    HttpResponse<String> forged = new UiClient(server.base).post("/ui/login", Map.of("login", "ada", "password", PASSWORD));
    assertThat(forged.statusCode()).as("a sign-in without the form's token (login CSRF)").isEqualTo(403);
  }

  @Test
  void a_sign_in_redirect_never_leaves_the_ui() {
    assertThat(io.truecount.server.ui.UiRoutes.class).isNotNull();
    UiClient c = new UiClient(server.base);
    String token = UiClient.hidden(c.get("/ui/login").body(), "_login");
    HttpResponse<String> r = c.post("/ui/login", Map.of("_login", token, "login", "ada", "password", PASSWORD, "next", "//evil.example/ui/"));
    assertThat(r.headers().firstValue("Location")).contains("/ui");
  }

  @Test
  void signing_out_ends_the_session() {
    String page = "/ui/a/" + server.advertiser.id() + "/events";
    assertThat(admin.get(page).statusCode()).isEqualTo(200);
    assertThat(admin.change("/ui/logout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(admin.get(page).statusCode()).isEqualTo(303);
  }

  @Test
  void a_route_without_access_class_or_advertiser_scope_cannot_be_built() {
    assertThatThrownBy(() -> new Route("GET", "/x", null, ex -> { })).isInstanceOf(NullPointerException.class).hasMessageContaining("access");
    assertThatThrownBy(() -> new Route("GET", "/ui/reports", Access.MEMBER, ex -> { })).hasMessageContaining("{adv}");
  }

  private static String concrete(String template, String advertiser, String source, String token, String seq) {
    return template.replace("{adv}", advertiser).replace("{source}", source).replace("{token}", token).replace("{id}", source)
        .replace("{seq}", seq).replace("{anomaly}", "none").replace("{file}", "app.css").replace("{version}", "1")
        .replace("{ad_id}", "1").replace("{event}", "Purchase").replace("{event_id}", "x");
  }

  private int status(UiClient who, String method, String path, boolean withCsrf) {
    return send(who, method, path, withCsrf).statusCode();
  }

  private HttpResponse<String> send(UiClient who, String method, String path, boolean withCsrf) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path)).header("Accept", "application/json");
    if (withCsrf && !who.csrf.isEmpty()) {
      b.header("X-CSRF-Token", who.csrf);
    }
    b.method(method, method.equals("GET") || method.equals("OPTIONS") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
    return who.send(b);
  }
}
