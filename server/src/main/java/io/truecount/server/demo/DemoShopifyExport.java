package io.truecount.server.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;

/** The simulated store's Shopify orders export: every purchase, a few refunded, orders the pixel never saw, a test order. */
final class DemoShopifyExport {
  private final ZoneId zone;

  DemoShopifyExport(ZoneId zone) {
    this.zone = zone;
  }

  private final StringBuilder rows = new StringBuilder(
      "Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Refunded Amount,Created at,Lineitem name,Cancelled at,Tags,Id,Phone,Source\n");

  private final StringBuilder backend = new StringBuilder("order_number,created_utc,amount,customer_email,state\n");

  /** The same orders as a backend that keeps UTC times: its days start at 21:00 in São Paulo, the time-zone shift to find. */
  String utcBackendExport() {
    return backend.toString();
  }

  /** The store's own record of a purchase, as Shopify exports it (a few refunded, as stores have); true when refunded. */
  boolean add(int u, ObjectNode purchase) {
    Instant at = Instant.ofEpochSecond(purchase.get("event_time").asLong());
    String created = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").format(at.atZone(zone));
    String total = purchase.path("properties").path("value").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    boolean refunded = u % 17 == 0;
    rows.append(String.format("#%d,%s,%s,%s,BRL,%s,%s,%s,%s,Product %d,,,%d,,web%n", 1000 + u, u % 3 != 0 ? "shopper" + u + "@example.com" : "",
        refunded ? "refunded" : "paid", created, total, total, refunded ? total : "0.00", created, u % 40, 900000 + u));
    backend.append(String.format("%d,%s,%s,%s,%s%n", 1000 + u, java.time.format.DateTimeFormatter.ISO_INSTANT.format(at), total,
        u % 3 != 0 ? "shopper" + u + "@example.com" : "", refunded ? "refunded" : "complete"));
    return refunded;
  }

  /**
   * Shopify's export of the same store: every purchase the simulation made, plus orders the pixel
   * never saw (a tracking outage) and a test order — for {@code truecount reconcile}.
   */
  String export(Instant now) {
    StringBuilder out = new StringBuilder(rows);
    String created = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").format(now.minusSeconds(7200).atZone(zone));
    for (int i = 0; i < 6; i++) {
      out.append(String.format("#%d,lost%d@example.com,paid,%s,BRL,59.90,59.90,0.00,%s,Product 1,,,%d,,web%n", 9000 + i, i, created, created, 990000 + i));
    }
    out.append(String.format("#9999,qa@example.com,paid,%s,BRL,1.00,1.00,0.00,%s,Test product,,test,999999,,web%n", created, created));
    return out.toString();
  }

}
