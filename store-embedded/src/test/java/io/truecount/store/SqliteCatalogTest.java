package io.truecount.store;

import io.truecount.core.spi.Catalog;
import io.truecount.testkit.CatalogContract;
import java.nio.file.Path;

class SqliteCatalogTest extends CatalogContract {
  @Override
  protected Catalog open(Path dir) {
    return new SqliteCatalog(dir.resolve("catalog.db"));
  }
}
