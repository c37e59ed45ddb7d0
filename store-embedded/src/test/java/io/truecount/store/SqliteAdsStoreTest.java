package io.truecount.store;

import io.truecount.core.spi.AdsStore;
import io.truecount.testkit.AdsStoreContract;
import java.nio.file.Path;

class SqliteAdsStoreTest extends AdsStoreContract {
  @Override
  protected AdsStore open(Path dir) {
    return new SqliteAdsStore(dir.resolve("ads.db"));
  }
}
