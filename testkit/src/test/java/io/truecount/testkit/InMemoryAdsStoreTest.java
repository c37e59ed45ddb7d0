package io.truecount.testkit;

import io.truecount.core.spi.AdsStore;
import java.nio.file.Path;

class InMemoryAdsStoreTest extends AdsStoreContract {
  private final InMemoryAdsStore store = new InMemoryAdsStore();

  @Override
  protected AdsStore open(Path dir) {
    return store;
  }
}
