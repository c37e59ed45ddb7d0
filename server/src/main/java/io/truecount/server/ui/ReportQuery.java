package io.truecount.server.ui;

import io.truecount.core.report.Level;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** A report query as the page, its CSV link and its drill-down links name it (the API's parameter names). */
public record ReportQuery(Level level, Optional<String> event, boolean conversionTime, LocalDate start, LocalDate end) {
  public String levelName() {
    return level.name().toLowerCase(Locale.ROOT);
  }

  public String basis() {
    return conversionTime ? "conversion" : "impression";
  }

  /** The query string shared by the page, its CSV link and the drill-down links. */
  public String queryString() {
    return "level=" + levelName() + event.map(e -> "&event=" + java.net.URLEncoder.encode(e, java.nio.charset.StandardCharsets.UTF_8)).orElse("")
        + "&time_basis=" + basis() + "&start_date=" + start + "&end_date=" + end;
  }
}
