package io.truecount.server.http;

import io.truecount.core.ads.Ad;
import io.truecount.core.spi.AdsStore;
import io.truecount.server.ads.AdsDirectory;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /c/{ad_id}?to=<landing url>}: for links outside TikTok. Mints a {@code ttclid},
 * appends it and the ad's ids to the landing URL, and redirects (302) — only to the ad's
 * registered landing domains or their subdomains, over http(s): never an open redirect. The
 * landing page's pixel then records the click (docs/attribution.md).
 */
final class ClickRedirect implements Handler {
  private final AdsStore store;
  private final AdsDirectory directory;
  private final SecureRandom random;

  ClickRedirect(AdsStore store, AdsDirectory directory, SecureRandom random) {
    this.store = store;
    this.directory = directory;
    this.random = random;
  }

  @Override
  public void handle(Exchange ex) {
    String adId = ex.paramOrEmpty("ad_id");
    Optional<Ad> ad = store.ad(adId);
    Optional<String> to = ex.param("to").filter(t -> !t.isEmpty());
    if (ad.isEmpty()) {
      refuse(ex, 404, "No ad " + adId + " on this server.");
      return;
    }
    if (to.isEmpty()) {
      refuse(ex, 400, "Missing ?to=<landing URL> (one of the ad's landing domains: " + ad.get().landingDomains() + ").");
      return;
    }
    Optional<URI> landing = landing(to.get(), ad.get());
    if (landing.isEmpty()) {
      refuse(ex, 400, "Refused: " + to.get() + " is not an http(s) URL on the ad's landing domains " + ad.get().landingDomains() + ".");
      return;
    }
    ex.responseHeader(HttpHeaderNames.LOCATION, withClick(landing.get(), ad.get()))
        .responseHeader(HttpHeaderNames.CACHE_CONTROL, "no-store")
        .responseHeader("Referrer-Policy", "no-referrer-when-downgrade")
        .end(302);
  }

  static Optional<URI> landing(String text, Ad ad) {
    try {
      URI uri = new URI(text);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      boolean allowed = ad.landingDomains().stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
      return web && allowed && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private String withClick(URI landing, Ad ad) {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String ttclid = "E.C.P." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String query = "ttclid=" + ttclid + "&tt_campaign=" + ad.campaignId() + "&tt_adgroup=" + ad.adGroupId()
        + "&" + URLEncoder.encode(directory.adParameter(ad.advertiserId()), StandardCharsets.UTF_8) + "=" + ad.id();
    String base = landing.toString();
    String fragment = "";
    int hash = base.indexOf('#');
    if (hash >= 0) {
      fragment = base.substring(hash);
      base = base.substring(0, hash);
    }
    return base + (landing.getRawQuery() == null ? "?" : "&") + query + fragment;
  }

  private static void refuse(Exchange ex, int status, String message) {
    ex.send(status, "text/plain; charset=utf-8", message);
  }
}
