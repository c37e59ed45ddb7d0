package io.truecount.store;

/** The embedded store could not read or write (disk full, corrupt file, locked database). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
