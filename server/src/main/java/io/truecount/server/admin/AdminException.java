package io.truecount.server.admin;

/** An admin request that cannot be done as asked (unknown id, invalid value): a 40002 or 40400. */
public final class AdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean notFound;

  private AdminException(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  public static AdminException invalid(String message) {
    return new AdminException(message, false);
  }

  public static AdminException notFound(String what, String id) {
    return new AdminException(what + " " + id + " does not exist", true);
  }

  /** An admin request body over 1 MiB. */
  public static final class TooLarge extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public TooLarge() {
      super("request body over 1 MiB");
    }
  }

  public boolean notFound() {
    return notFound;
  }
}
