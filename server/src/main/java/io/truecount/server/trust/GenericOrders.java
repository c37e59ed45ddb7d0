package io.truecount.server.trust;

import io.truecount.core.pii.Pii;
import io.truecount.core.trust.BackendOrder;
import io.truecount.wire.Code;
import io.truecount.wire.Problem;
import io.truecount.wire.WireException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Any backend's orders CSV with a column mapping ({@code order_id:Order No,time:Created,value:Amount,
 * currency:Cur,email:E-mail,phone:Tel,status:State}). Times: ISO 8601 with offset, Unix seconds or
 * milliseconds, or {@code yyyy-MM-dd HH:mm:ss} read in the advertiser's zone. Status text containing
 * refund / cancel / void / test / pending maps to those states; anything else is paid.
 */
public final class GenericOrders {
  static final List<String> REQUIRED = List.of("order_id", "time", "value");
  static final List<String> KNOWN = List.of("order_id", "time", "value", "currency", "email", "phone", "status");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  private GenericOrders() {}

  /** Parses {@code order_id:Order No,time:Created,...}. */
  public static Map<String, String> mapping(String text) throws WireException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      String key = colon < 0 ? pair.trim() : pair.substring(0, colon).trim();
      if (colon < 0 || !KNOWN.contains(key)) {
        throw new WireException(Code.PARAMETER_ERROR, "columns: '" + pair + "' must be field:Header with field one of " + KNOWN);
      }
      out.put(key, pair.substring(colon + 1).trim());
    }
    List<String> missing = REQUIRED.stream().filter(k -> !out.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new WireException(Code.PARAMETER_ERROR, "columns: map " + missing + " too, e.g. order_id:Order No,time:Created,value:Total");
    }
    return out;
  }

  public static ShopifyOrders.Result read(Reader in, Map<String, String> columns, String defaultCurrency, String phoneRegion, ZoneId zone) throws WireException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(ShopifyOrders.withoutBom(in), format)) {
      List<String> absent = columns.values().stream().filter(h -> !parser.getHeaderNames().contains(h)).toList();
      if (!absent.isEmpty()) {
        throw new WireException(Code.PARAMETER_ERROR, "columns " + absent + " are not in the file; headers seen: " + parser.getHeaderNames());
      }
      List<BackendOrder> orders = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      int rows = 0;
      for (CSVRecord r : parser) {
        rows++;
        String at = "line " + (r.getRecordNumber() + 1) + ", column ";
        Optional<OffsetDateTime> time = time(r.get(columns.get("time")), zone);
        if (time.isEmpty()) {
          problems.add(Problem.of(at + columns.get("time"), r.get(columns.get("time")), "ISO 8601 with offset, Unix seconds/milliseconds, or yyyy-MM-dd HH:mm:ss"));
          continue;
        }
        BigDecimal value;
        try {
          value = new BigDecimal(r.get(columns.get("value")).replace(",", ""));
        } catch (NumberFormatException e) {
          problems.add(Problem.of(at + columns.get("value"), r.get(columns.get("value")), "A number like 129.90"));
          continue;
        }
        String email = get(r, columns, "email");
        String phone = get(r, columns, "phone");
        String currency = get(r, columns, "currency");
        orders.add(new BackendOrder(r.get(columns.get("order_id")), time.get().toInstant(), time.get().toLocalDate(), value,
            currency.isEmpty() ? defaultCurrency : currency.toUpperCase(Locale.ROOT), status(get(r, columns, "status")),
            Pii.normalizeEmail(email).map(Pii::sha256Hex).stream().toList(),
            phone.isEmpty() ? List.of() : Pii.normalizePhone(phone, phoneRegion).map(Pii::sha256Hex).stream().toList(), (int) r.getRecordNumber() + 1));
      }
      return new ShopifyOrders.Result(orders, problems, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new WireException(Code.INVALID_PARAMS, "Not a readable CSV file: " + e.getMessage());
    }
  }

  static Optional<OffsetDateTime> time(String text, ZoneId zone) {
    String t = text.trim();
    try {
      if (t.matches("\\d{9,10}")) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)).atZone(zone).toOffsetDateTime());
      }
      if (t.matches("\\d{12,13}")) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)).atZone(zone).toOffsetDateTime());
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return Optional.of(OffsetDateTime.parse(t.replace(' ', 'T')));
      }
      return Optional.of(LocalDateTime.parse(t, LOCAL).atZone(zone).toOffsetDateTime());
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  static BackendOrder.Status status(String text) {
    String s = text.toLowerCase(Locale.ROOT);
    return s.contains("refund") ? BackendOrder.Status.REFUNDED : s.contains("cancel") || s.contains("void") ? BackendOrder.Status.CANCELLED
        : s.contains("test") ? BackendOrder.Status.TEST : s.contains("pending") ? BackendOrder.Status.PENDING : BackendOrder.Status.PAID;
  }

  private static String get(CSVRecord r, Map<String, String> columns, String field) {
    String header = columns.get(field);
    return header != null && r.isMapped(header) && r.isSet(header) ? r.get(header) : "";
  }
}
