package io.truecount.server;

import io.truecount.core.attribution.Attribution;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.TouchLog;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Follows what any node wrote to the shared store that the event log does not carry: touches (read
 * from the touch log after the last one seen; attribution ignores copies it already has) and ads
 * changes (a version setting replaced on every change; a new value reloads the ad directory and
 * re-attributes). At start it replays every touch; on one embedded node it only ever finds its
 * own writes, already applied.
 */
public final class SharedChanges {
  static final String ADS_VERSION = "ads_version";
  private final TouchLog touches;
  private final Attribution attribution;
  private final Catalog catalog;
  private final Runnable adsChanged;
  private final SecureRandom random;
  private long nextTouch = 1;
  private String adsVersion;

  SharedChanges(TouchLog touches, Attribution attribution, Catalog uncachedCatalog, Runnable adsChanged, SecureRandom random) {
    this.touches = touches;
    this.attribution = attribution;
    this.catalog = uncachedCatalog;
    this.adsChanged = adsChanged;
    this.random = random;
    this.adsVersion = catalog.setting(ADS_VERSION).orElse("");
  }

  /** Applies touches and ads changes written since the last call (by this node or another). */
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
  }

  /** Tells the other nodes that campaigns, ad groups or ads changed here (this node has applied it). */
  synchronized void adsChangedHere() {
    adsVersion = announceAdsChange(catalog, random);
  }

  /** Marks the shared ads as changed (the CLI writing the store directly, a node); running nodes reload within a tick. */
  public static String announceAdsChange(Catalog catalog, SecureRandom random) {
    byte[] bytes = new byte[8];
    random.nextBytes(bytes);
    String version = HexFormat.of().formatHex(bytes);
    catalog.putSetting(ADS_VERSION, version);
    return version;
  }
}
