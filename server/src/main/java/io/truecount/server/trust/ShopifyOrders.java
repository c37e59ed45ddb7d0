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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads Shopify's orders export: one row per line item, the order's own fields on its first row
 * ({@code Name, Email, Phone, Financial Status, Paid at, Created at, Cancelled at, Currency,
 * Total, Refunded Amount, Tags, …}). Emails and phones are hashed here and never kept raw. A row
 * that cannot be read is reported (line, column, value, rule) and the other orders still import.
 */
public final class ShopifyOrders {
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
  private static final List<String> REQUIRED = List.of("Name", "Created at", "Total", "Currency", "Financial Status");

  private ShopifyOrders() {}

  /** The orders read and the rows that could not be. */
  public record Result(List<BackendOrder> orders, List<Problem> problems, int rows) {}

  public static Result read(Reader raw, String phoneRegion) throws WireException {
    Reader in = withoutBom(raw);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      List<String> headers = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
      List<String> missing = REQUIRED.stream().filter(r -> !headers.contains(r)).toList();
      if (!missing.isEmpty()) {
        throw new WireException(Code.PARAMETER_ERROR, "Not a Shopify orders export: missing column(s) " + missing + "; headers seen: " + headers);
      }
      List<BackendOrder> orders = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      String current = "";
      int rows = 0;
      for (CSVRecord r : parser) {
        rows++;
        String name = get(r, "Name");
        if (name.isEmpty() || name.equals(current)) {
          continue;
        }
        current = name;
        order(r, name, phoneRegion, problems).ifPresent(orders::add);
      }
      return new Result(orders, problems, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new WireException(Code.INVALID_PARAMS, "Not a readable CSV file: " + e.getMessage());
    }
  }

  private static Optional<BackendOrder> order(CSVRecord r, String name, String phoneRegion, List<Problem> problems) {
    int line = (int) r.getRecordNumber() + 1;
    String at = "line " + line + ", column ";
    int before = problems.size();
    String createdText = get(r, "Created at");
    OffsetDateTime created = null;
    try {
      created = OffsetDateTime.parse(createdText, CREATED);
    } catch (DateTimeParseException e) {
      problems.add(Problem.of(at + "Created at", createdText, "A time like 2026-11-20 14:03:22 -0300"));
    }
    BigDecimal total = money(get(r, "Total"), at + "Total", problems);
    BigDecimal refunded = get(r, "Refunded Amount").isEmpty() ? BigDecimal.ZERO : money(get(r, "Refunded Amount"), at + "Refunded Amount", problems);
    if (problems.size() > before) {
      return Optional.empty();
    }
    String financial = get(r, "Financial Status").toLowerCase(Locale.ROOT);
    BackendOrder.Status status = get(r, "Tags").toLowerCase(Locale.ROOT).contains("test") ? BackendOrder.Status.TEST
        : !get(r, "Cancelled at").isEmpty() || financial.equals("voided") ? BackendOrder.Status.CANCELLED
        : financial.equals("refunded") ? BackendOrder.Status.REFUNDED
        : financial.equals("pending") || financial.equals("authorized") ? BackendOrder.Status.PENDING : BackendOrder.Status.PAID;
    List<String> emails = Pii.normalizeEmail(get(r, "Email")).map(Pii::sha256Hex).stream().toList();
    List<String> phones = get(r, "Phone").isEmpty() ? List.of() : Pii.normalizePhone(get(r, "Phone"), phoneRegion).map(Pii::sha256Hex).stream().toList();
    return Optional.of(new BackendOrder(name, created.toInstant(), created.toLocalDate(), total.subtract(refunded), get(r, "Currency"), status,
        emails, phones, line));
  }

  /** Spreadsheet tools save UTF-8 with a byte-order mark; the first header must still read "Name". */
  static Reader withoutBom(Reader in) {
    try {
      java.io.PushbackReader pushback = new java.io.PushbackReader(in, 1);
      int first = pushback.read();
      if (first != -1 && first != '\uFEFF') {
        pushback.unread(first);
      }
      return pushback;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BigDecimal money(String text, String field, List<Problem> problems) {
    try {
      return new BigDecimal(text.replace(",", ""));
    } catch (NumberFormatException e) {
      problems.add(Problem.of(field, text, "A number like 129.90"));
      return BigDecimal.ZERO;
    }
  }

  private static String get(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
  }
}
