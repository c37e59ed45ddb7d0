package io.truecount.wire;

import com.fasterxml.jackson.databind.JsonNode;
import io.truecount.core.ads.DeliveryFact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code POST /api/v1/delivery}: {@code {"rows": [{ad_id, date: "YYYY-MM-DD" | hour:
 * "YYYY-MM-DD HH:00", impressions, clicks, spend, conversions?, conversion_value?}]}}. Periods
 * are in the advertiser's time zone; the stored fact is the exact instant range of that local day
 * or hour (23 or 25 hours on DST days).
 */
public final class DeliveryReader {
  public static final int MAX_ROWS = 50_000;

  private DeliveryReader() {}

  public record Result(List<DeliveryFact> accepted, List<FailedEvent> failed, int total) {}

  public static Result read(byte[] body, String advertiserId, ZoneId zone, Function<String, Optional<String>> adAdvertiser) throws WireException {
    JsonNode root = Json.parse(body);
    JsonNode rows = root.get("rows");
    if (!root.isObject() || rows == null || !rows.isArray() || rows.isEmpty()) {
      throw WireException.of(Problem.of("rows", rows == null ? "" : Fields.shown(rows), "Send {\"rows\": [ ... ]} with 1 to " + MAX_ROWS + " rows"));
    }
    if (rows.size() > MAX_ROWS) {
      throw new WireException(Code.BATCH_TOO_LARGE, rows.size() + " rows in one request; at most " + MAX_ROWS + ". Nothing was accepted: split it.");
    }
    List<DeliveryFact> accepted = new ArrayList<>();
    List<FailedEvent> failed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Problem> problems = new ArrayList<>();
      JsonNode row = rows.get(i);
      String prefix = "rows." + i + ".";
      Optional<DeliveryFact> fact = row.isObject() ? fact(row, prefix, advertiserId, zone, adAdvertiser, problems) : Optional.empty();
      if (!row.isObject()) {
        problems.add(Problem.of("rows." + i, Fields.shown(row), "Must be an object"));
      }
      if (fact.isPresent() && problems.isEmpty()) {
        accepted.add(fact.get());
      } else {
        failed.add(new FailedEvent(i, row.path("ad_id").asText(""), problems));
      }
    }
    return new Result(accepted, failed, rows.size());
  }

  /** One row, from any reader (JSON here, the Ads Manager CSV import elsewhere). */
  public static Optional<DeliveryFact> fact(String advertiserId, String adId, LocalDateTime start, boolean hourly, ZoneId zone, long impressions,
      long clicks, BigDecimal spend, Optional<Long> conversions, Optional<BigDecimal> value) {
    LocalDateTime end = hourly ? start.plusHours(1) : start.plusDays(1);
    return Optional.of(new DeliveryFact(advertiserId, adId, start.atZone(zone).toInstant(), end.atZone(zone).toInstant(), impressions, clicks,
        spend, conversions, value));
  }

  private static Optional<DeliveryFact> fact(JsonNode row, String prefix, String advertiserId, ZoneId zone,
      Function<String, Optional<String>> adAdvertiser, List<Problem> problems) {
    String adId = row.path("ad_id").asText("");
    if (adId.isEmpty() || !adAdvertiser.apply(adId).map(advertiserId::equals).orElse(false)) {
      problems.add(Problem.of(prefix + "ad_id", adId, "No such ad for advertiser " + advertiserId));
    }
    Optional<LocalDateTime> start = Optional.empty();
    boolean hourly = row.has("hour");
    String periodField = hourly ? "hour" : "date";
    String period = row.path(periodField).asText("");
    try {
      start = Optional.of(hourly ? LocalDateTime.parse(period.replace(' ', 'T')).withMinute(0).withSecond(0).withNano(0)
          : LocalDate.parse(period).atStartOfDay());
    } catch (DateTimeParseException e) {
      problems.add(Problem.of(prefix + periodField, period, hourly ? "Must be YYYY-MM-DD HH:00 in the advertiser's time zone" : "Must be YYYY-MM-DD (or send hour)"));
    }
    long impressions = count(row, "impressions", prefix, problems);
    long clicks = count(row, "clicks", prefix, problems);
    BigDecimal spend = money(row, "spend", prefix, problems).orElse(BigDecimal.ZERO);
    Optional<Long> conversions = row.has("conversions") ? Optional.of(count(row, "conversions", prefix, problems)) : Optional.empty();
    Optional<BigDecimal> value = money(row, "conversion_value", prefix, problems);
    if (!problems.isEmpty() || start.isEmpty()) {
      return Optional.empty();
    }
    return fact(advertiserId, adId, start.get(), hourly, zone, impressions, clicks, spend, conversions, value);
  }

  private static long count(JsonNode row, String field, String prefix, List<Problem> problems) {
    JsonNode node = row.get(field);
    if (node == null || node.isNull()) {
      return 0;
    }
    if (!node.isIntegralNumber() || node.longValue() < 0) {
      problems.add(Problem.of(prefix + field, Fields.shown(node), "Must be a whole number >= 0"));
      return 0;
    }
    return node.longValue();
  }

  private static Optional<BigDecimal> money(JsonNode row, String field, String prefix, List<Problem> problems) {
    JsonNode node = row.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    try {
      BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
      if (value.signum() < 0) {
        throw new NumberFormatException();
      }
      return Optional.of(value);
    } catch (NumberFormatException e) {
      problems.add(Problem.of(prefix + field, Fields.shown(node), "Must be a number >= 0"));
      return Optional.empty();
    }
  }
}
