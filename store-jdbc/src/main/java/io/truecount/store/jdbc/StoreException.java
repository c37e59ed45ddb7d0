package io.truecount.store.jdbc;

/** A store could not read or write (disk full, corrupt file, locked database, lost connection). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
