package io.truecount.server.admin;

import io.truecount.core.EventNames;
import io.truecount.core.EventSource;
import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.AttributionWindow;
import io.truecount.core.ads.Campaign;
import io.truecount.core.ads.CountMode;
import io.truecount.core.ads.Objective;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Campaigns, ad groups and ads: the operations the admin API and the CLI share. Ids may be
 * supplied (to mirror TikTok's) or are generated. Publishing an ad group freezes its attribution
 * settings and event source. Every change calls {@code onChange} with the advertiser so attribution re-derives that advertiser's conversions.
 */
public final class AdsAdmin {
  private static final Pattern ID = Pattern.compile("[0-9]{5,20}");
  private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

  private final Catalog catalog;
  private final AdsStore store;
  private final Clock clock;
  private final SecureRandom random;
  private final java.util.function.Consumer<String> onChange;

  public AdsAdmin(Catalog catalog, AdsStore store, Clock clock, SecureRandom random, java.util.function.Consumer<String> onChange) {
    this.catalog = catalog;
    this.store = store;
    this.clock = clock;
    this.random = random;
    this.onChange = onChange;
  }

  /** Optional changes to an ad group's settings; absent fields keep their value (or the default on create). */
  public record SettingsChange(Optional<String> click, Optional<String> view, Optional<String> engagedView, Optional<String> count) {
    public static final SettingsChange NONE = new SettingsChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    boolean isEmpty() {
      return click.isEmpty() && view.isEmpty() && engagedView.isEmpty() && count.isEmpty();
    }
  }

  public synchronized Campaign createCampaign(String advertiserId, Optional<String> id, String name, String objective) {
    advertiser(advertiserId);
    String campaignId = newId(id, "campaign", store.campaign(id.orElse("")).isPresent());
    Campaign c = new Campaign(campaignId, advertiserId, CatalogAdmin.requireText(name, "name"), objective(objective), clock.instant());
    store.putCampaign(c);
    onChange.accept(advertiserId);
    return c;
  }

  public synchronized Campaign updateCampaign(String id, Optional<String> name, Optional<String> objective) {
    Campaign c = campaign(id);
    Campaign updated = new Campaign(c.id(), c.advertiserId(), name.map(n -> CatalogAdmin.requireText(n, "name")).orElse(c.name()),
        objective.map(AdsAdmin::objective).orElse(c.objective()), c.createdAt());
    store.putCampaign(updated);
    return updated;
  }

  public Campaign campaign(String id) {
    return store.campaign(id).orElseThrow(() -> AdminException.notFound("campaign", id));
  }

  public List<Campaign> campaigns(String advertiserId) {
    advertiser(advertiserId);
    return store.campaigns(advertiserId);
  }

  public synchronized AdGroup createAdGroup(String campaignId, Optional<String> id, String name, String sourceId, String optimizationEvent,
      SettingsChange settings, boolean publish) {
    Campaign campaign = campaign(campaignId);
    String groupId = newId(id, "ad group", store.adGroup(id.orElse("")).isPresent());
    EventSource source = source(sourceId, campaign.advertiserId());
    AdGroup group = new AdGroup(groupId, campaign.id(), campaign.advertiserId(), CatalogAdmin.requireText(name, "name"), source.id(),
        event(optimizationEvent), settings(AttributionSettings.DEFAULT, settings), publish ? Optional.of(clock.instant()) : Optional.empty(),
        clock.instant());
    store.putAdGroup(group);
    onChange.accept(group.advertiserId());
    return group;
  }

  /** Changes name, optimization event, source or settings; source and settings are refused once published. */
  public synchronized AdGroup updateAdGroup(String id, Optional<String> name, Optional<String> sourceId, Optional<String> optimizationEvent,
      SettingsChange change) {
    AdGroup g = adGroup(id);
    AttributionSettings settings = settings(g.settings(), change);
    String source = sourceId.map(s -> source(s, g.advertiserId()).id()).orElse(g.sourceId());
    if (g.published() && (!settings.equals(g.settings()) || !source.equals(g.sourceId()))) {
      throw AdminException.invalid("ad group " + id + " was published at " + g.publishedAt().get()
          + ": its attribution settings and event source cannot change any more (TikTok's rule). Create a new ad group with the new settings.");
    }
    AdGroup updated = new AdGroup(g.id(), g.campaignId(), g.advertiserId(), name.map(n -> CatalogAdmin.requireText(n, "name")).orElse(g.name()),
        source, optimizationEvent.map(AdsAdmin::event).orElse(g.optimizationEvent()), settings, g.publishedAt(), g.createdAt());
    store.putAdGroup(updated);
    onChange.accept(updated.advertiserId());
    return updated;
  }

  public synchronized AdGroup publish(String id) {
    AdGroup g = adGroup(id);
    if (g.published()) {
      return g;
    }
    AdGroup published = new AdGroup(g.id(), g.campaignId(), g.advertiserId(), g.name(), g.sourceId(), g.optimizationEvent(), g.settings(),
        Optional.of(clock.instant()), g.createdAt());
    store.putAdGroup(published);
    return published;
  }

  public AdGroup adGroup(String id) {
    return store.adGroup(id).orElseThrow(() -> AdminException.notFound("ad group", id));
  }

  public List<AdGroup> adGroups(String advertiserId) {
    advertiser(advertiserId);
    return store.adGroups(advertiserId);
  }

  public synchronized Ad createAd(String adGroupId, Optional<String> id, String name, List<String> landingDomains) {
    AdGroup g = adGroup(adGroupId);
    String adId = newId(id, "ad", store.ad(id.orElse("")).isPresent());
    Ad ad = new Ad(adId, g.id(), g.campaignId(), g.advertiserId(), CatalogAdmin.requireText(name, "name"), domains(landingDomains), clock.instant());
    store.putAd(ad);
    onChange.accept(ad.advertiserId());
    return ad;
  }

  public synchronized Ad updateAd(String id, Optional<String> name, Optional<List<String>> landingDomains) {
    Ad a = ad(id);
    Ad updated = new Ad(a.id(), a.adGroupId(), a.campaignId(), a.advertiserId(), name.map(n -> CatalogAdmin.requireText(n, "name")).orElse(a.name()),
        landingDomains.map(AdsAdmin::domains).orElse(a.landingDomains()), a.createdAt());
    store.putAd(updated);
    return updated;
  }

  public Ad ad(String id) {
    return store.ad(id).orElseThrow(() -> AdminException.notFound("ad", id));
  }

  public List<Ad> ads(String advertiserId) {
    advertiser(advertiserId);
    return store.ads(advertiserId);
  }

  private void advertiser(String advertiserId) {
    catalog.advertiser(advertiserId).orElseThrow(() -> AdminException.notFound("advertiser", advertiserId));
  }

  private EventSource source(String sourceId, String advertiserId) {
    EventSource source = catalog.source(CatalogAdmin.requireText(sourceId, "event_source_id"))
        .orElseThrow(() -> AdminException.notFound("event source", sourceId));
    if (!source.advertiserId().equals(advertiserId)) {
      throw AdminException.invalid("event source " + sourceId + " belongs to advertiser " + source.advertiserId() + ", not " + advertiserId);
    }
    return source;
  }

  private String newId(Optional<String> id, String what, boolean exists) {
    if (id.isEmpty()) {
      return CatalogAdmin.digits(random, 19);
    }
    if (!ID.matcher(id.get()).matches()) {
      throw AdminException.invalid(what + " id " + id.get() + ": must be 5 to 20 digits (TikTok's ids are numeric)");
    }
    if (exists) {
      throw AdminException.invalid(what + " " + id.get() + " already exists");
    }
    return id.get();
  }

  private static Objective objective(String text) {
    return parse(Objective.class, text, "objective");
  }

  private static String event(String name) {
    String event = CatalogAdmin.requireText(name, "optimization_event");
    if (!event.matches("[A-Za-z0-9_]{1,100}")) {
      throw AdminException.invalid("optimization_event " + name + ": an event name such as Purchase (letters, digits, _)");
    }
    return EventNames.reportedName(event);
  }

  /** {@code base} with {@code change} applied and checked against TikTok's allowed values. */
  public AttributionSettings validated(AttributionSettings base, SettingsChange change) {
    return settings(base, change);
  }

  private static AttributionSettings settings(AttributionSettings base, SettingsChange change) {
    if (change.isEmpty()) {
      return base;
    }
    AttributionSettings s = new AttributionSettings(
        change.click().map(v -> parse(AttributionWindow.class, v, "click_attribution_window")).orElse(base.click()),
        change.view().map(v -> parse(AttributionWindow.class, v, "view_attribution_window")).orElse(base.view()),
        change.engagedView().map(v -> parse(AttributionWindow.class, v, "engaged_view_attribution_window")).orElse(base.engagedView()),
        change.count().map(v -> parse(CountMode.class, v, "attribution_event_count")).orElse(base.count()));
    List<String> problems = s.problems();
    if (!problems.isEmpty()) {
      throw AdminException.invalid(String.join("; ", problems));
    }
    return s;
  }

  private static List<String> domains(List<String> raw) {
    List<String> out = new ArrayList<>();
    for (String d : raw) {
      String domain = d.trim().toLowerCase(Locale.ROOT);
      if (!DOMAIN.matcher(domain).matches()) {
        throw AdminException.invalid("landing_domains " + d + ": a host name such as shop.example.com (no scheme, no path)");
      }
      out.add(domain);
    }
    return out;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String text, String field) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw AdminException.invalid(field + " " + text + ": must be one of " + List.of(type.getEnumConstants()));
    }
  }
}
