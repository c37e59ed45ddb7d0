package io.truecount.testkit;

import io.truecount.core.spi.Accounts;
import java.nio.file.Path;

class InMemoryAccountsTest extends AccountsContract {
  /** One per test (JUnit makes a new instance per test); close is a no-op, so a reopen sees the same users. */
  private final InMemoryAccounts accounts = new InMemoryAccounts();

  @Override
  protected Accounts open(Path dir) {
    return accounts;
  }
}
