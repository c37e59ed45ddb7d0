package io.truecount.store;

import io.truecount.core.spi.Accounts;
import io.truecount.testkit.AccountsContract;
import java.nio.file.Path;

class SqliteAccountsTest extends AccountsContract {
  @Override
  protected Accounts open(Path dir) {
    return new SqliteAccounts(dir.resolve("accounts.db"));
  }
}
