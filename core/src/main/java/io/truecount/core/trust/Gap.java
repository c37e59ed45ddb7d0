package io.truecount.core.trust;

/** Why an order and Truecount's count differ: exclusive categories, one per backend order or extra Truecount conversion. */
public enum Gap {
  /** Both sides count it. */
  COUNTED("counted on both sides", Side.BOTH),
  REFUNDED_OR_CANCELLED("refunded or cancelled in the backend", Side.BACKEND),
  TEST_ORDER("a test order", Side.BACKEND),
  NO_EVENT_RECEIVED("no purchase event received (tracking gap)", Side.BACKEND),
  RECEIVED_UNATTRIBUTED("event received but no eligible click or view (unattributed)", Side.BACKEND),
  NOT_COUNTED_ONCE("attributed, but its touch already counted one purchase (ad group counts ONCE)", Side.BACKEND),
  DIFFERENT_DAY("attributed to a click/view on another day (time zone or impression-time basis)", Side.BACKEND),
  ARRIVED_AFTER_CUTOFF("event arrived after the cutoff (reporting delay)", Side.BACKEND),
  OTHER_CAMPAIGN("attributed to a campaign outside the compared set", Side.BACKEND),
  DUPLICATE_WITHOUT_EVENT_ID("counted twice: a second copy without a shared event_id", Side.TRUECOUNT),
  ORDER_ON_ANOTHER_DAY("the matching order is on another backend day (time zone or time basis)", Side.TRUECOUNT),
  NO_BACKEND_ORDER("no matching backend order", Side.TRUECOUNT);

  /** Which count the category explains: an order the backend has, or a conversion Truecount counts. */
  public enum Side {
    BOTH,
    BACKEND,
    TRUECOUNT
  }

  private final String label;
  private final Side side;

  Gap(String label, Side side) {
    this.label = label;
    this.side = side;
  }

  public String label() {
    return label;
  }

  public Side side() {
    return side;
  }
}
