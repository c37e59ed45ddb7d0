package io.truecount.server.pixel;

/**
 * TikTok's pixel snippet with the script URL pointing at this Truecount: the only line a site
 * changes. Every {@code ttq} call of the original snippet stays as it is.
 */
public final class Snippet {
  private Snippet() {}

  /** Everything a site needs to install the pixel. */
  public record Setup(String pixelCode, String scriptUrl, String beaconUrl, String snippet) {}

  /** The setup for {@code pixelCode} reached at {@code baseUrl} (a trailing slash is ignored). */
  public static Setup setup(String baseUrl, String pixelCode, String version) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return new Setup(pixelCode, base + "/static/pixel/" + version + "/events.js?sdkid=" + pixelCode + "&lib=ttq",
        base + "/api/v2/pixel", of(base, pixelCode, version));
  }

  /**
   * @param baseUrl where browsers reach Truecount, e.g. {@code https://track.shop.example}
   * @param version the script version, so browsers may cache it for a year
   */
  public static String of(String baseUrl, String pixelCode, String version) {
    String script = baseUrl + "/static/pixel/" + version + "/events.js";
    return """
        <!-- TikTok Pixel Code (served first-party by Truecount) -->
        <script>
        !function (w, d, t) {
          w.TiktokAnalyticsObject=t;var ttq=w[t]=w[t]||[];ttq.methods=["page","track","identify","instances","debug","on","off","once","ready","alias","group","enableCookie","disableCookie","holdConsent","revokeConsent","grantConsent"],ttq.setAndDefer=function(t,e){t[e]=function(){t.push([e].concat(Array.prototype.slice.call(arguments,0)))}};for(var i=0;i<ttq.methods.length;i++)ttq.setAndDefer(ttq,ttq.methods[i]);ttq.instance=function(t){for(var e=ttq._i[t]||[],n=0;n<ttq.methods.length;n++)ttq.setAndDefer(e,ttq.methods[n]);return e},ttq.load=function(e,n){var r="%s",o=n&&n.partner;ttq._i=ttq._i||{},ttq._i[e]=[],ttq._i[e]._u=r,ttq._t=ttq._t||{},ttq._t[e]=+new Date,ttq._o=ttq._o||{},ttq._o[e]=n||{};n=document.createElement("script");n.type="text/javascript",n.async=!0,n.src=r+"?sdkid="+e+"&lib="+t;e=document.getElementsByTagName("script")[0];e.parentNode.insertBefore(n,e)};
          ttq.load('%s');
          ttq.page();
        }(window, document, 'ttq');
        </script>
        <!-- End TikTok Pixel Code -->
        """.formatted(script, pixelCode);
  }
}
