package io.truecount.testkit;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import io.truecount.core.ads.DeliveryFact;
import io.truecount.core.spi.AdsStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** A hand-written in-memory {@link AdsStore} for tests: state lives as long as the instance (close keeps it, so "reopening" sees it). */
public final class InMemoryAdsStore implements AdsStore {
  private final Map<String, Campaign> campaigns = new TreeMap<>();
  private final Map<String, AdGroup> groups = new TreeMap<>();
  private final Map<String, Ad> ads = new TreeMap<>();
  private final Map<String, DeliveryFact> delivery = new TreeMap<>();

  @Override
  public synchronized void putCampaign(Campaign c) {
    campaigns.put(c.id(), c);
  }

  @Override
  public synchronized Optional<Campaign> campaign(String id) {
    return Optional.ofNullable(campaigns.get(id));
  }

  @Override
  public synchronized List<Campaign> campaigns(String advertiserId) {
    return of(campaigns, advertiserId, Campaign::advertiserId);
  }

  @Override
  public synchronized void putAdGroup(AdGroup g) {
    groups.put(g.id(), g);
  }

  @Override
  public synchronized Optional<AdGroup> adGroup(String id) {
    return Optional.ofNullable(groups.get(id));
  }

  @Override
  public synchronized List<AdGroup> adGroups(String advertiserId) {
    return of(groups, advertiserId, AdGroup::advertiserId);
  }

  @Override
  public synchronized void putAd(Ad a) {
    ads.put(a.id(), a);
  }

  @Override
  public synchronized Optional<Ad> ad(String id) {
    return Optional.ofNullable(ads.get(id));
  }

  @Override
  public synchronized List<Ad> ads(String advertiserId) {
    return of(ads, advertiserId, Ad::advertiserId);
  }

  @Override
  public synchronized void putDelivery(List<DeliveryFact> facts) {
    facts.forEach(f -> delivery.put(f.adId() + '\u0000' + f.start(), f));
  }

  @Override
  public synchronized List<DeliveryFact> delivery() {
    List<DeliveryFact> all = new ArrayList<>(delivery.values());
    all.sort(Comparator.comparing(DeliveryFact::advertiserId).thenComparing(DeliveryFact::adId).thenComparing(DeliveryFact::start));
    return all;
  }

  @Override
  public void close() {}

  private static <T> List<T> of(Map<String, T> all, String advertiserId, Function<T, String> advertiserOf) {
    return all.values().stream().filter(v -> advertiserOf.apply(v).equals(advertiserId)).toList();
  }
}
