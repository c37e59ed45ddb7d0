package io.truecount.store.pg;

import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.TouchLog;
import io.truecount.testkit.AccountsContract;
import io.truecount.testkit.AdsStoreContract;
import io.truecount.testkit.CatalogContract;
import io.truecount.testkit.EventLogContract;
import io.truecount.testkit.TouchLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** Every SPI contract of the testkit against the PostgreSQL adapters on a real PostgreSQL. */
class PostgresContractsTest {
  @Nested
  class CatalogOnPostgres extends CatalogContract {
    @Override
    protected Catalog open(Path dir) {
      return Closing.catalog(TestDatabase.open(dir));
    }
  }

  @Nested
  class AccountsOnPostgres extends AccountsContract {
    @Override
    protected Accounts open(Path dir) {
      return Closing.accounts(TestDatabase.open(dir));
    }
  }

  @Nested
  class AdsOnPostgres extends AdsStoreContract {
    @Override
    protected AdsStore open(Path dir) {
      return Closing.ads(TestDatabase.open(dir));
    }
  }

  @Nested
  class TouchesOnPostgres extends TouchLogContract {
    @Override
    protected TouchLog open(Path dir) {
      return Closing.touches(TestDatabase.open(dir));
    }
  }

  @Nested
  class EventLogOnPostgres extends EventLogContract {
    @Override
    protected EventLog open(Path dir) {
      return Closing.eventLog(TestDatabase.open(dir));
    }
  }
}
