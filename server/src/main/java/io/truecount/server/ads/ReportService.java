package io.truecount.server.ads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.Advertiser;
import io.truecount.core.report.Granularity;
import io.truecount.core.report.Level;
import io.truecount.core.report.LevelRow;
import io.truecount.core.report.ReportCube;
import io.truecount.core.report.ReportMetric;
import io.truecount.core.report.Rollup;
import io.truecount.wire.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reports over the live cube: TikTok's {@code report/integrated/get} (same parameters, answer
 * shape and string-valued metrics) and our own per-event report with a time-basis choice.
 */
public final class ReportService {
  private static final DateTimeFormatter STAT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Map<String, Level> DATA_LEVELS = Map.of("AUCTION_ADVERTISER", Level.ADVERTISER, "AUCTION_CAMPAIGN", Level.CAMPAIGN,
      "AUCTION_ADGROUP", Level.ADGROUP, "AUCTION_AD", Level.AD);
  private static final Map<String, Level> ID_DIMENSIONS = Map.of("advertiser_id", Level.ADVERTISER, "campaign_id", Level.CAMPAIGN,
      "adgroup_id", Level.ADGROUP, "ad_id", Level.AD);

  private final ReportCube cube;
  private final AdsDirectory ads;

  public ReportService(ReportCube cube, AdsDirectory ads) {
    this.cube = cube;
    this.ads = ads;
  }

  /** A request that cannot be answered as asked: the parameter and why (40002). */
  public static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }

  /** TikTok's integrated report query, already split into its parameters. */
  public record Integrated(String reportType, String dataLevel, List<String> dimensions, List<String> metrics, String startDate, String endDate,
      int page, int pageSize) {}

  public JsonNode integrated(Advertiser advertiser, Integrated q) {
    if (!"BASIC".equals(q.reportType())) {
      throw new BadRequest("report_type " + q.reportType() + ": only BASIC is supported");
    }
    Level dataLevel = Optional.ofNullable(DATA_LEVELS.get(q.dataLevel()))
        .orElseThrow(() -> new BadRequest("data_level " + q.dataLevel() + ": must be one of " + DATA_LEVELS.keySet().stream().sorted().toList()));
    Level level = Level.ADVERTISER;
    Granularity granularity = Granularity.TOTAL;
    boolean hasId = false;
    for (String d : q.dimensions()) {
      if (ID_DIMENSIONS.containsKey(d)) {
        if (ID_DIMENSIONS.get(d) != dataLevel || hasId) {
          throw new BadRequest("dimensions: " + d + " does not fit data_level " + q.dataLevel() + " (use one id dimension of that level)");
        }
        level = dataLevel;
        hasId = true;
      } else if (d.equals("stat_time_day") || d.equals("stat_time_hour")) {
        if (granularity != Granularity.TOTAL) {
          throw new BadRequest("dimensions: use stat_time_day or stat_time_hour, not both");
        }
        granularity = d.equals("stat_time_day") ? Granularity.DAY : Granularity.HOUR;
      } else {
        throw new BadRequest("dimensions: unknown dimension " + d + "; use " + List.of("advertiser_id", "campaign_id", "adgroup_id", "ad_id", "stat_time_day", "stat_time_hour"));
      }
    }
    if (q.dimensions().isEmpty()) {
      throw new BadRequest("dimensions: at least one dimension is required, e.g. [\"campaign_id\"]");
    }
    List<ReportMetric> metrics = new ArrayList<>();
    for (String m : q.metrics().isEmpty() ? List.of("spend", "impressions", "clicks", "conversion") : q.metrics()) {
      metrics.add(ReportMetric.byApiName(m).orElseThrow(() -> new BadRequest("metrics: unknown metric " + m)));
    }
    LocalDate start = date("start_date", q.startDate());
    LocalDate end = date("end_date", q.endDate());
    checkRange(start, end, granularity);
    if (q.page() < 1 || q.pageSize() < 1 || q.pageSize() > 1000) {
      throw new BadRequest("page / page_size: page >= 1 and page_size between 1 and 1000");
    }
    List<LevelRow> rows = Rollup.rollup(cube.query(advertiser.id(), start, end, granularity), level, Optional.empty(), ads::placement);
    ObjectNode data = Json.MAPPER.createObjectNode();
    ArrayNode list = data.putArray("list");
    int from = Math.min(rows.size(), (q.page() - 1) * q.pageSize());
    for (LevelRow row : rows.subList(from, Math.min(rows.size(), from + q.pageSize()))) {
      ObjectNode item = list.addObject();
      ObjectNode dims = item.putObject("dimensions");
      for (String d : q.dimensions()) {
        dims.put(d, d.startsWith("stat_time") ? row.period().map(STAT_TIME::format).orElse("") : row.id());
      }
      ObjectNode values = item.putObject("metrics");
      metrics.forEach(m -> values.put(m.apiName(), m.valueOf(row)));
    }
    data.putObject("page_info").put("page", q.page()).put("page_size", q.pageSize()).put("total_number", rows.size())
        .put("total_page", (rows.size() + q.pageSize() - 1) / q.pageSize());
    return data;
  }

  /** Our report: one event (or each ad group's optimization event), one time basis, any level and granularity. */
  public record Custom(Level level, Optional<String> event, boolean conversionTime, Granularity granularity, String startDate, String endDate, boolean utc) {}

  public List<ObjectNode> custom(Advertiser advertiser, Custom q) {
    LocalDate start = date("start_date", q.startDate());
    LocalDate end = date("end_date", q.endDate());
    checkRange(start, end, q.granularity());
    List<LevelRow> rows = Rollup.rollup(cube.query(advertiser.id(), start, end, q.granularity(), q.utc()), q.level(), q.event(), ads::placement);
    List<ObjectNode> out = new ArrayList<>();
    for (LevelRow r : rows) {
      long conversions = q.conversionTime() ? r.realTimeConversions() : r.conversions();
      BigDecimal value = q.conversionTime() ? r.realTimeValue() : r.conversionValue();
      ObjectNode row = Json.MAPPER.createObjectNode();
      row.put(q.level().name().toLowerCase(Locale.ROOT) + "_id", r.id());
      r.period().ifPresent(p -> row.put("period", p.toString()));
      row.put("time_zone", q.utc() ? "UTC" : advertiser.zone().getId());
      row.put("event", q.event().orElse("(optimization event)")).put("time_basis", q.conversionTime() ? "conversion" : "impression")
          .put("conversions", conversions).put("value", value.setScale(2, RoundingMode.HALF_UP).toPlainString())
          .put("currency", advertiser.currency()).put("click_through", r.clickThrough()).put("engaged_view_through", r.engagedViewThrough())
          .put("view_through", r.viewThrough()).put("spend", r.spend().setScale(2, RoundingMode.HALF_UP).toPlainString())
          .put("impressions", r.impressions()).put("clicks", r.clicks())
          .put("cost_per_conversion", conversions == 0 ? "0.00" : r.spend().divide(BigDecimal.valueOf(conversions), 2, RoundingMode.HALF_UP).toPlainString())
          .put("roas", r.spend().signum() == 0 ? "0.00" : value.divide(r.spend(), 2, RoundingMode.HALF_UP).toPlainString())
          .put("value_in_other_currency", r.otherCurrency())
          .put("platform_conversions", r.platformConversions());
      out.add(row);
    }
    return out;
  }

  private static void checkRange(LocalDate start, LocalDate end, Granularity granularity) {
    if (end.isBefore(start)) {
      throw new BadRequest("end_date " + end + " is before start_date " + start);
    }
    long days = ChronoUnit.DAYS.between(start, end) + 1;
    long max = granularity == Granularity.HOUR ? 31 : 366;
    if (days > max) {
      throw new BadRequest("start_date..end_date spans " + days + " days; at most " + max + (granularity == Granularity.HOUR ? " with stat_time_hour" : ""));
    }
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text == null ? "" : text);
    } catch (DateTimeParseException e) {
      throw new BadRequest(field + " " + text + ": must be YYYY-MM-DD in the advertiser's time zone");
    }
  }

}
