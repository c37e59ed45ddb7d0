package io.truecount.server.trust;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.trust.BackendOrder;
import io.truecount.wire.Code;
import io.truecount.wire.Json;
import io.truecount.wire.Problem;
import io.truecount.wire.WireException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * GA4 purchases: the BigQuery export as NDJSON ({@code event_date}, {@code event_timestamp} in
 * microseconds, {@code event_name} purchase / refund, {@code ecommerce.transaction_id},
 * {@code ecommerce.purchase_revenue}, the {@code currency} event parameter) and the GA4 UI CSV
 * export (comment lines starting with '#', {@code Transaction ID}, {@code Date} as YYYYMMDD, a
 * revenue column). GA4 keeps no emails or phones: orders match on the transaction id only.
 */
public final class Ga4Orders {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private Ga4Orders() {}

  public static ShopifyOrders.Result ndjson(Reader in, String defaultCurrency, ZoneId zone) {
    Map<String, BackendOrder> orders = new LinkedHashMap<>();
    List<String> refunds = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int line = 0;
    try (BufferedReader reader = new BufferedReader(in)) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        JsonNode row;
        try {
          row = Json.MAPPER.readTree(text);
        } catch (IOException e) {
          problems.add(Problem.of("line " + line, text.length() > 40 ? text.substring(0, 40) + "…" : text, "Not a JSON object"));
          continue;
        }
        String name = row.path("event_name").asText();
        String id = row.path("ecommerce").path("transaction_id").asText("");
        if (id.isEmpty() || !(name.equals("purchase") || name.equals("refund"))) {
          continue;
        }
        if (name.equals("refund")) {
          refunds.add(id);
          continue;
        }
        try {
          long micros = Long.parseLong(row.path("event_timestamp").asText());
          Instant at = Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
          LocalDate day = row.hasNonNull("event_date") ? LocalDate.parse(row.path("event_date").asText(), DAY) : at.atZone(zone).toLocalDate();
          BigDecimal revenue = row.path("ecommerce").path("purchase_revenue").decimalValue();
          orders.putIfAbsent(id, new BackendOrder(id, at, day, revenue, currency(row, defaultCurrency), BackendOrder.Status.PAID, List.of(), List.of(), line));
        } catch (NumberFormatException | DateTimeParseException e) {
          problems.add(Problem.of("line " + line + ", event_timestamp/event_date", row.path("event_timestamp").asText() + " / " + row.path("event_date").asText(),
              "event_timestamp in microseconds and event_date as YYYYMMDD"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    refunds.forEach(id -> orders.computeIfPresent(id, (k, o) -> new BackendOrder(o.orderId(), o.createdAt(), o.backendDay(), o.value(), o.currency(),
        BackendOrder.Status.REFUNDED, o.emails(), o.phones(), o.line())));
    return new ShopifyOrders.Result(new ArrayList<>(orders.values()), problems, line);
  }

  private static String currency(JsonNode row, String fallback) {
    for (JsonNode p : row.path("event_params")) {
      if (p.path("key").asText().equals("currency")) {
        return p.path("value").path("string_value").asText(fallback);
      }
    }
    return fallback;
  }

  /** The GA4 UI's CSV export of transactions; days are the property's, noon of the day stands in for the time. */
  public static ShopifyOrders.Result csv(Reader raw, String defaultCurrency, ZoneId zone) throws WireException {
    StringBuilder body = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(ShopifyOrders.withoutBom(raw))) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        if (!text.startsWith("#") && !text.isBlank()) {
          body.append(text).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(body.toString(), format)) {
      List<String> headers = parser.getHeaderNames();
      String revenue = headers.stream().filter(h -> h.equalsIgnoreCase("Purchase revenue") || h.equalsIgnoreCase("Total revenue") || h.equalsIgnoreCase("Revenue"))
          .findFirst().orElse(null);
      if (!headers.contains("Transaction ID") || !headers.contains("Date") || revenue == null) {
        throw new WireException(Code.PARAMETER_ERROR, "Not a GA4 transactions export: need Transaction ID, Date and Purchase revenue; headers seen: " + headers);
      }
      List<BackendOrder> orders = new ArrayList<>();
      List<Problem> problems = new ArrayList<>();
      int rows = 0;
      for (CSVRecord r : parser) {
        rows++;
        String id = r.get("Transaction ID");
        if (id.isEmpty() || id.equals("(not set)")) {
          continue;
        }
        try {
          LocalDate day = LocalDate.parse(r.get("Date"), DAY);
          orders.add(new BackendOrder(id, day.atTime(12, 0).atZone(zone).toInstant(), day, new BigDecimal(r.get(revenue).replace(",", "")),
              r.isMapped("Currency") ? r.get("Currency") : defaultCurrency, BackendOrder.Status.PAID, List.of(), List.of(), (int) r.getRecordNumber() + 1));
        } catch (DateTimeParseException | NumberFormatException e) {
          problems.add(Problem.of("row " + r.getRecordNumber() + ", column Date/" + revenue, r.get("Date") + " / " + r.get(revenue), "Date as YYYYMMDD and a revenue number"));
        }
      }
      return new ShopifyOrders.Result(orders, problems, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
