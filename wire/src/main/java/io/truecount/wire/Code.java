package io.truecount.wire;

/** TikTok's response codes (spec §1), the only codes we put on the wire. */
public enum Code {
  OK(0, "OK"),
  PARTIAL_OK(20001, "Partial OK"),
  INVALID_PARAMS(40000, "Invalid params"),
  NO_PERMISSION(40001, "No permission"),
  PARAMETER_ERROR(40002, "Parameter error"),
  BATCH_TOO_LARGE(40061, "Too many events in one request"),
  PII_NOT_HASHED(40062, "PII not hashed"),
  TOO_MANY_REQUESTS(40100, "Too many requests"),
  EMPTY_TOKEN(40104, "Access token is empty"),
  INVALID_TOKEN(40105, "Access token is invalid"),
  NOT_FOUND(40400, "Not found"),
  SYSTEM_ERROR(50000, "System error");

  private final int number;
  private final String text;

  Code(int number, String text) {
    this.number = number;
    this.text = text;
  }

  public int number() {
    return number;
  }

  public String text() {
    return text;
  }
}
