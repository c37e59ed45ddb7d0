package io.truecount.server;

import io.truecount.core.attribution.Attribution;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.TouchLog;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Follows what any node wrote to the shared store that the event log does not carry: touches (read
 * from the touch log after the last one seen; attribution ignores copies it already has), ads
 * changes (a version setting replaced on every change; a new value reloads the ad directory and
 * re-attributes) and delivery facts (another version setting; a new value reloads them into the
 * report cube, where a fact replaces the one for the same ad and period). At start it replays
 * every touch; on one embedded node it only ever finds its own writes, already applied.
 */
public final class SharedChanges {
  static final String ADS_VERSION = "ads_version";
  static final String DELIVERY_VERSION = "delivery_version";
  private final TouchLog touches;
  private final Attribution attribution;
  private final Catalog catalog;
  private final Runnable adsChanged;
  private final Runnable deliveryChanged;
  private final SecureRandom random;
  private long nextTouch = 1;
  private String adsVersion;
  private String deliveryVersion;

  SharedChanges(TouchLog touches, Attribution attribution, Catalog uncachedCatalog, Runnable adsChanged, Runnable deliveryChanged, SecureRandom random) {
    this.touches = touches;
    this.attribution = attribution;
    this.catalog = uncachedCatalog;
    this.adsChanged = adsChanged;
    this.deliveryChanged = deliveryChanged;
    this.random = random;
    this.adsVersion = catalog.setting(ADS_VERSION).orElse("");
    this.deliveryVersion = catalog.setting(DELIVERY_VERSION).orElse("");
  }

  /** Applies touches, ads changes and delivery facts written since the last call (by this node or another). */
  synchronized void follow() {
    touches.catchUp();
    for (var batch = touches.read(nextTouch, 10_000); !batch.isEmpty(); batch = touches.read(nextTouch, 10_000)) {
      batch.forEach(t -> attribution.touch(t.touch()));
      nextTouch = batch.get(batch.size() - 1).seq() + 1;
    }
    String version = catalog.setting(ADS_VERSION).orElse("");
    if (!version.equals(adsVersion)) {
      adsVersion = version;
      adsChanged.run();
    }
    String delivery = catalog.setting(DELIVERY_VERSION).orElse("");
    if (!delivery.equals(deliveryVersion)) {
      deliveryVersion = delivery;
      deliveryChanged.run();
    }
  }

  /** Tells the other nodes that delivery facts (spend, impressions) were written here (this node has applied them). */
  synchronized void deliveryChangedHere() {
    deliveryVersion = announce(catalog, DELIVERY_VERSION, random);
  }

  /** Tells the other nodes that campaigns, ad groups or ads changed here (this node has applied it). */
  synchronized void adsChangedHere() {
    adsVersion = announceAdsChange(catalog, random);
  }

  /** Marks the shared ads as changed (the CLI writing the store directly, a node); running nodes reload within a tick. */
  public static String announceAdsChange(Catalog catalog, SecureRandom random) {
    return announce(catalog, ADS_VERSION, random);
  }

  private static String announce(Catalog catalog, String setting, SecureRandom random) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    String version = HexFormat.of().formatHex(bytes);
    catalog.putSetting(setting, version);
    return version;
  }
}
