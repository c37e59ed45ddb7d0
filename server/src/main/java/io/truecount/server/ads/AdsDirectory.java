package io.truecount.server.ads;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.attribution.AdDirectory;
import io.truecount.core.attribution.Placement;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Placements read from the ads store, cached until the ads change; per-advertiser matching switches from the catalog settings. */
public final class AdsDirectory implements AdDirectory {
  static final String IP_UA_SETTING = "attribution.ip_user_agent.";
  static final String AD_PARAM_SETTING = "attribution.ad_param.";
  static final String DEFAULT_AD_PARAM = "tt_ad";

  private final AdsStore store;
  private final Catalog catalog;
  private final Map<String, Optional<Placement>> cache = new ConcurrentHashMap<>();
  /** Settings read on every event (ad parameter, ip+UA matching); only {@link #setMatching} changes them. */
  private final Map<String, String> settings = new ConcurrentHashMap<>();

  public AdsDirectory(AdsStore store, Catalog catalog) {
    this.store = store;
    this.catalog = catalog;
  }

  @Override
  public Optional<Placement> placement(String adId) {
    return cache.computeIfAbsent(adId, this::load);
  }

  @Override
  public boolean ipUserAgentMatching(String advertiserId) {
    return !"off".equals(setting(IP_UA_SETTING + advertiserId, "on"));
  }

  /** The landing-URL query parameter that names the ad (default {@code tt_ad}). */
  public String adParameter(String advertiserId) {
    return setting(AD_PARAM_SETTING + advertiserId, DEFAULT_AD_PARAM);
  }

  public void setMatching(String advertiserId, Optional<Boolean> ipUserAgent, Optional<String> adParameter) {
    ipUserAgent.ifPresent(on -> catalog.putSetting(IP_UA_SETTING + advertiserId, on ? "on" : "off"));
    adParameter.ifPresent(p -> catalog.putSetting(AD_PARAM_SETTING + advertiserId, p));
    settings.clear();
  }

  private String setting(String key, String fallback) {
    return settings.computeIfAbsent(key, k -> catalog.setting(k).orElse(fallback));
  }

  /** Forget cached placements (after any change to campaigns, ad groups or ads). */
  public void invalidate() {
    cache.clear();
  }

  private Optional<Placement> load(String adId) {
    Optional<Ad> ad = store.ad(adId);
    Optional<AdGroup> group = ad.flatMap(a -> store.adGroup(a.adGroupId()));
    return group.map(g -> new Placement(adId, g.id(), g.campaignId(), g.advertiserId(), g.sourceId(), g.optimizationEvent(), g.settings()));
  }
}
