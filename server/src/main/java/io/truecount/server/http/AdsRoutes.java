package io.truecount.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.attribution.Placement;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.ads.AdsManagerCsv;
import io.truecount.wire.Code;
import io.truecount.wire.DeliveryReader;
import io.truecount.wire.Envelope;
import io.truecount.wire.Json;
import io.truecount.wire.TouchReader;
import io.truecount.wire.WireException;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Campaigns, ad groups and ads (admin), touches, delivery and Ads Manager imports (advertiser or source token), the click redirect. */
final class AdsRoutes {
  private final AdsParts p;

  AdsRoutes(AdsParts parts) {
    this.p = parts;
  }

  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    admin(routes, "POST", "/api/v1/campaigns", r -> AdsViews.campaign(p.admin().createCampaign(r.required("advertiser_id"), r.text("campaign_id"),
        r.required("campaign_name"), r.text("objective_type").orElse("SALES"))));
    admin(routes, "GET", "/api/v1/campaigns", r -> list(p.admin().campaigns(advertiser(r)).stream().map(AdsViews::campaign).toList()));
    admin(routes, "GET", "/api/v1/campaigns/{id}", r -> AdsViews.campaign(p.admin().campaign(r.path("id"))));
    admin(routes, "POST", "/api/v1/campaigns/{id}", r -> AdsViews.campaign(p.admin().updateCampaign(r.path("id"), r.text("campaign_name"),
        r.text("objective_type"))));
    admin(routes, "POST", "/api/v1/adgroups", r -> AdsViews.adGroup(p.admin().createAdGroup(r.required("campaign_id"), r.text("adgroup_id"),
        r.required("adgroup_name"), r.required("event_source_id"), r.text("optimization_event").orElse("Purchase"), settings(r), r.flag("publish"))));
    admin(routes, "GET", "/api/v1/adgroups", r -> list(p.admin().adGroups(advertiser(r)).stream().map(AdsViews::adGroup).toList()));
    admin(routes, "GET", "/api/v1/adgroups/{id}", r -> AdsViews.adGroup(p.admin().adGroup(r.path("id"))));
    admin(routes, "POST", "/api/v1/adgroups/{id}", r -> AdsViews.adGroup(p.admin().updateAdGroup(r.path("id"), r.text("adgroup_name"),
        r.text("event_source_id"), r.text("optimization_event"), settings(r))));
    admin(routes, "POST", "/api/v1/adgroups/{id}/publish", r -> AdsViews.adGroup(p.admin().publish(r.path("id"))));
    admin(routes, "POST", "/api/v1/ads", r -> AdsViews.ad(p.admin().createAd(r.required("adgroup_id"), r.text("ad_id"), r.required("ad_name"),
        domains(r).orElse(List.of()))));
    admin(routes, "GET", "/api/v1/ads", r -> list(p.admin().ads(advertiser(r)).stream().map(AdsViews::ad).toList()));
    admin(routes, "GET", "/api/v1/ads/{id}", r -> AdsViews.ad(p.admin().ad(r.path("id"))));
    admin(routes, "POST", "/api/v1/ads/{id}", r -> AdsViews.ad(p.admin().updateAd(r.path("id"), r.text("ad_name"), domains(r))));
    admin(routes, "POST", "/api/v1/advertisers/{id}/attribution", this::matching);
    routes.add(new Route("GET", "/c/{ad_id}", Access.PUBLIC, new ClickRedirect(p.store(), p.directory(), p.random())));
    routes.add(new Route("POST", "/api/v1/touches", Access.ADVERTISER_TOKEN, new TokenJsonHandler(p.auth(), this::touches)));
    routes.add(new Route("POST", "/api/v1/delivery", Access.ADVERTISER_TOKEN, new TokenJsonHandler(p.auth(), this::delivery)));
    routes.add(new Route("POST", "/api/v1/delivery/import", Access.ADVERTISER_TOKEN, new TokenJsonHandler(p.auth(), this::adsManagerImport)));
    return routes;
  }

  private static void admin(List<Route> routes, String method, String template, AdminHandler.Action action) {
    routes.add(new Route(method, template, Access.ADMIN, new AdminHandler(action)));
  }

  private byte[] touches(AccessToken token, byte[] body, Exchange ex, String requestId) throws WireException {
    Advertiser advertiser = advertiserOf(token);
    String type = ex.header(HttpHeaderNames.CONTENT_TYPE);
    TouchReader.Result result = TouchReader.read(body, type != null && type.contains("ndjson"), advertiser.id(), advertiser.country(),
        p.clock().instant(), Duration.ofDays(90), this::adOwner);
    if (!result.accepted().isEmpty()) {
      p.touches().append(result.accepted());
      result.accepted().forEach(p.attribution()::touch);
    }
    return Envelope.batch(result.total(), result.accepted().size(), result.failed(), "touch", requestId);
  }

  private byte[] delivery(AccessToken token, byte[] body, Exchange ex, String requestId) throws WireException {
    Advertiser advertiser = advertiserOf(token);
    DeliveryReader.Result result = DeliveryReader.read(body, advertiser.id(), advertiser.zone(), this::adOwner);
    if (!result.accepted().isEmpty()) {
      p.store().putDelivery(result.accepted());
      p.cube().delivery(result.accepted());
      p.deliveryWrittenHere().run();
    }
    return Envelope.batch(result.total(), result.accepted().size(), result.failed(), "row", requestId);
  }

  /** An Ads Manager report export (CSV body): delivery plus the platform's own conversions and value. */
  private byte[] adsManagerImport(AccessToken token, byte[] body, Exchange ex, String requestId) throws WireException {
    Advertiser advertiser = advertiserOf(token);
    var result = AdsManagerCsv.read(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(body), java.nio.charset.StandardCharsets.UTF_8),
        advertiser.id(), advertiser.zone(), this::adOwner);
    if (!result.accepted().isEmpty()) {
      p.store().putDelivery(result.accepted());
      p.cube().delivery(result.accepted());
      p.deliveryWrittenHere().run();
    }
    return Envelope.batch(result.total(), result.accepted().size(), result.failed(), "row", requestId);
  }




  private JsonNode matching(JsonRequest r) {
    String id = r.path("id");
    p.catalog().advertiser(id).orElseThrow(() -> AdminException.notFound("advertiser", id));
    Optional<Boolean> ipUa = r.body().has("ip_user_agent_matching") ? Optional.of(r.flag("ip_user_agent_matching")) : Optional.empty();
    Optional<String> param = r.text("ad_parameter");
    param.filter(s -> !s.matches("[A-Za-z0-9_.-]{1,64}")).ifPresent(s -> {
      throw AdminException.invalid("ad_parameter " + s + ": a URL query parameter name such as tt_ad");
    });
    p.directory().setMatching(id, ipUa, param);
    p.attribution().settingsChanged();
    return Json.MAPPER.createObjectNode().put("advertiser_id", id).put("ip_user_agent_matching", p.directory().ipUserAgentMatching(id))
        .put("ad_parameter", p.directory().adParameter(id));
  }




  private Advertiser advertiserOf(AccessToken token) throws WireException {
    return advertiserOf(p, token);
  }

  /** The token's advertiser; a token scoped to one source cannot read or write advertiser-wide data (40001). */
  static Advertiser advertiserOf(AdsParts p, AccessToken token) throws WireException {
    if (token.source().isPresent()) {
      throw new WireException(Code.NO_PERMISSION, "No permission: this token is scoped to event source " + token.sourceId()
          + "; touches, delivery and reports need an advertiser token");
    }
    return p.catalog().advertiser(token.advertiserId()).orElseThrow(() -> new WireException(Code.NO_PERMISSION, "No permission: unknown advertiser"));
  }

  private Optional<String> adOwner(String adId) {
    return p.directory().placement(adId).map(Placement::advertiserId);
  }

  static String advertiser(JsonRequest r) {
    return r.param("advertiser_id").orElseThrow(() -> AdminException.invalid("advertiser_id: required query parameter"));
  }

  private static AdsAdmin.SettingsChange settings(JsonRequest r) {
    return new AdsAdmin.SettingsChange(r.text("click_attribution_window"), r.text("view_attribution_window"),
        r.text("engaged_view_attribution_window"), r.text("attribution_event_count"));
  }

  private static Optional<List<String>> domains(JsonRequest r) {
    JsonNode node = r.body().get("landing_domains");
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      throw AdminException.invalid("landing_domains: must be an array of host names");
    }
    List<String> out = new ArrayList<>();
    node.forEach(d -> out.add(d.asText()));
    return Optional.of(out);
  }

  static <T> ArrayNode list(List<T> items) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    items.forEach(i -> array.add((JsonNode) i));
    return array;
  }


}
