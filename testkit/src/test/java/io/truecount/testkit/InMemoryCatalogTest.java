package io.truecount.testkit;

import io.truecount.core.spi.Catalog;
import java.nio.file.Path;

class InMemoryCatalogTest extends CatalogContract {
  @Override
  protected Catalog open(Path dir) {
    return new InMemoryCatalog();
  }
}
