package io.truecount.core.spi;

import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import io.truecount.core.ads.DeliveryFact;
import java.util.List;
import java.util.Optional;

/** Campaigns, ad groups, ads and delivery facts. {@code put*} inserts or replaces by id (delivery: by ad and period start). */
public interface AdsStore extends AutoCloseable {
  void putCampaign(Campaign campaign);

  Optional<Campaign> campaign(String id);

  List<Campaign> campaigns(String advertiserId);

  void putAdGroup(AdGroup adGroup);

  Optional<AdGroup> adGroup(String id);

  List<AdGroup> adGroups(String advertiserId);

  void putAd(Ad ad);

  Optional<Ad> ad(String id);

  List<Ad> ads(String advertiserId);

  /** Durable on return, all or nothing. */
  void putDelivery(List<DeliveryFact> facts);

  /** Every stored fact, for rebuilding the report cube at start. */
  List<DeliveryFact> delivery();

  @Override
  void close();
}
