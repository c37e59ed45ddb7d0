package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/** Numbers, money and times as an advertiser reads them: their currency, their time zone. */
public final class Fmt {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Fmt() {}

  public static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
  }

  public static String money(Advertiser a, BigDecimal amount) {
    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
    try {
      f.setCurrency(Currency.getInstance(a.currency()));
    } catch (IllegalArgumentException e) {
      return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + a.currency();
    }
    return f.format(amount);
  }

  public static String money(Advertiser a, String amount) {
    try {
      return money(a, new BigDecimal(amount));
    } catch (NumberFormatException e) {
      return amount;
    }
  }

  public static String percent(double share) {
    return Math.round(share * 1000) / 10.0 + " %";
  }

  public static String time(Advertiser a, Instant when) {
    return when == null ? "—" : LOCAL.format(when.atZone(a.zone()));
  }

  public static String time(Advertiser a, Optional<Instant> when) {
    return when.map(w -> time(a, w)).orElse("never");
  }

  public static String oneDecimal(double value) {
    return String.format(Locale.US, "%.1f", value);
  }
}
