package io.truecount.server.demo;

/** What the simulation planted for the trust layer to find (counts). */
public final class Planted {
  /** Outage orders the store kept as paid (refunded ones count as refunds). */
  public int outage;
  public int wrongPage;
  public int duplicatesWithoutEventId;
  public int refunds;
  public final int lostOrders = 6;
  public final int testOrders = 1;
}

