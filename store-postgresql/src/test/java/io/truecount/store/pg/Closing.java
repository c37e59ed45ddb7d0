package io.truecount.store.pg;

import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.TouchLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/** An adapter whose close also closes its store's pool, as the contracts expect of a store they opened. */
final class Closing {
  private Closing() {}

  static Catalog catalog(PostgresStore store) {
    return of(Catalog.class, store.catalog(), store);
  }

  static Accounts accounts(PostgresStore store) {
    return of(Accounts.class, store.accounts(), store);
  }

  static AdsStore ads(PostgresStore store) {
    return of(AdsStore.class, store.ads(), store);
  }

  static TouchLog touches(PostgresStore store) {
    return of(TouchLog.class, store.touches(), store);
  }

  static EventLog eventLog(PostgresStore store) {
    return of(EventLog.class, store.eventLog(10_000, 1_000_000, n -> { }), store);
  }

  private static <T> T of(Class<T> type, T adapter, PostgresStore store) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      try {
        return method.invoke(adapter, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      } finally {
        if (method.getName().equals("close")) {
          store.close();
        }
      }
    }));
  }
}
