package io.truecount.server.ads;

import io.truecount.core.ads.DeliveryFact;
import io.truecount.wire.Code;
import io.truecount.wire.DeliveryReader;
import io.truecount.wire.FailedEvent;
import io.truecount.wire.Problem;
import io.truecount.wire.WireException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a TikTok Ads Manager report export (CSV) into delivery facts. Columns are found by the
 * names Ads Manager writes, in any order, with extra columns ignored; a required column that
 * cannot be found is one precise error naming it and the headers seen. Rows are read one by one:
 * a bad cell fails its row (line, column, value, rule), the others pass. Summary rows ("Total
 * of N results") are skipped.
 */
public final class AdsManagerCsv {
  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("ad_id", List.of("ad id", "ad_id"));
    COLUMNS.put("date", List.of("by day", "date", "day", "stat_time_day", "by hour", "hour", "stat_time_hour", "time"));
    COLUMNS.put("spend", List.of("cost", "spend", "total cost", "amount spent"));
    COLUMNS.put("impressions", List.of("impressions", "impression"));
    COLUMNS.put("clicks", List.of("clicks (destination)", "clicks", "clicks (all)", "destination clicks"));
    COLUMNS.put("conversions", List.of("conversions", "conversion", "results"));
    COLUMNS.put("value", List.of("total purchase value", "total complete payment value", "total_complete_payment_rate", "purchase value"));
  }

  private static final List<String> REQUIRED = List.of("ad_id", "date", "spend", "impressions");
  private static final List<DateTimeFormatter> DAYS = List.of(DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.ofPattern("yyyy/MM/dd"),
      DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH));

  private AdsManagerCsv() {}

  /** The rows read: facts to store, failures with their line numbers, rows skipped as summaries. */
  public record Result(List<DeliveryFact> accepted, List<FailedEvent> failed, int total, int skipped) {}

  public static Result read(Reader in, String advertiserId, ZoneId zone, Function<String, Optional<String>> adAdvertiser) throws WireException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(in, format)) {
      Map<String, String> columns = columns(parser.getHeaderNames());
      List<DeliveryFact> accepted = new ArrayList<>();
      List<FailedEvent> failed = new ArrayList<>();
      int total = 0;
      int skipped = 0;
      for (CSVRecord record : parser) {
        String adId = value(record, columns.get("ad_id"));
        if (adId.isEmpty() || adId.toLowerCase(Locale.ROOT).startsWith("total")) {
          skipped++;
          continue;
        }
        total++;
        List<Problem> problems = new ArrayList<>();
        Optional<DeliveryFact> fact = row(record, columns, advertiserId, zone, adAdvertiser, problems);
        if (fact.isPresent()) {
          accepted.add(fact.get());
        } else {
          failed.add(new FailedEvent((int) record.getRecordNumber(), adId, problems));
        }
      }
      return new Result(accepted, failed, total, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new WireException(Code.INVALID_PARAMS, "Not a readable CSV file: " + e.getMessage());
    }
  }

  private static Map<String, String> columns(List<String> headers) throws WireException {
    Map<String, String> found = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> wanted : COLUMNS.entrySet()) {
      for (String alias : wanted.getValue()) {
        Optional<String> header = headers.stream().filter(h -> normalize(h).equals(alias)).findFirst();
        if (header.isPresent()) {
          found.put(wanted.getKey(), header.get());
          break;
        }
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !found.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      List<String> names = missing.stream().map(c -> c + " (one of: " + String.join(", ", COLUMNS.get(c)) + ")").toList();
      throw new WireException(Code.PARAMETER_ERROR, "Cannot find the required column(s) " + String.join("; ", names) + " among the headers " + headers);
    }
    return found;
  }

  private static String normalize(String header) {
    return header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static Optional<DeliveryFact> row(CSVRecord r, Map<String, String> columns, String advertiserId, ZoneId zone,
      Function<String, Optional<String>> adAdvertiser, List<Problem> problems) {
    String line = "line " + (r.getRecordNumber() + 1) + ", column ";
    String adId = value(r, columns.get("ad_id"));
    if (!adAdvertiser.apply(adId).map(advertiserId::equals).orElse(false)) {
      problems.add(Problem.of(line + columns.get("ad_id"), adId, "No such ad for advertiser " + advertiserId + ": create it (or mirror its id) first"));
    }
    String periodText = value(r, columns.get("date"));
    Optional<LocalDateTime> start = period(periodText);
    if (start.isEmpty()) {
      problems.add(Problem.of(line + columns.get("date"), periodText, "A date like 2026-11-20 (or an hour like 2026-11-20 13:00)"));
    }
    Optional<BigDecimal> spend = number(r, columns, "spend", line, problems);
    Optional<BigDecimal> impressions = number(r, columns, "impressions", line, problems);
    Optional<BigDecimal> clicks = number(r, columns, "clicks", line, problems);
    Optional<BigDecimal> conversions = number(r, columns, "conversions", line, problems);
    Optional<BigDecimal> value = number(r, columns, "value", line, problems);
    if (!problems.isEmpty()) {
      return Optional.empty();
    }
    boolean hourly = periodText.contains(":");
    return DeliveryReader.fact(advertiserId, adId, start.get(), hourly, zone, impressions.orElse(BigDecimal.ZERO).longValue(),
        clicks.orElse(BigDecimal.ZERO).longValue(), spend.orElse(BigDecimal.ZERO), conversions.map(BigDecimal::longValue), value);
  }

  static Optional<LocalDateTime> period(String text) {
    String t = text.trim();
    if (t.contains(":")) {
      try {
        return Optional.of(LocalDateTime.parse(t.length() == 16 ? t + ":00" : t, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).withMinute(0).withSecond(0));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    for (DateTimeFormatter f : DAYS) {
      try {
        return Optional.of(LocalDate.parse(t, f).atStartOfDay());
      } catch (DateTimeParseException e) {
        continue;
      }
    }
    return Optional.empty();
  }

  private static Optional<BigDecimal> number(CSVRecord r, Map<String, String> columns, String column, String line, List<Problem> problems) {
    String header = columns.get(column);
    if (header == null) {
      return Optional.empty();
    }
    String raw = value(r, header);
    String cleaned = raw.replace(",", "").replace("R$", "").replace("$", "").replace("€", "").replace(" ", "");
    if (cleaned.isEmpty() || cleaned.equals("-")) {
      return Optional.empty();
    }
    try {
      BigDecimal v = new BigDecimal(cleaned);
      if (v.signum() < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(v);
    } catch (NumberFormatException e) {
      problems.add(Problem.of(line + header, raw, "A number >= 0 (thousands separators allowed, decimal point '.')"));
      return Optional.empty();
    }
  }

  private static String value(CSVRecord r, String header) {
    return header != null && r.isMapped(header) && r.isSet(header) ? r.get(header) : "";
  }
}
