package io.truecount.core.spi;

/** The log's bounded queue is full: the client should retry later (code 40100, Retry-After). */
public final class LogOverloadedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogOverloadedException(String message) {
    super(message);
  }
}
