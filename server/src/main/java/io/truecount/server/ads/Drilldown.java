package io.truecount.server.ads;

import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.LedgerView;
import io.truecount.core.attribution.Placement;
import io.truecount.core.report.Level;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The conversions behind one number of a report: counted and credited ledger entries whose placement
 * has this id at this level, of this event (or the ad group's optimization event), whose day on the
 * chosen basis (the touch's day for impression time, the conversion's day for conversion time) lies
 * in the range. The same rules the report cube sums by, so the list length equals the number.
 */
public final class Drilldown {
  /** The longest attribution window there is (28 days), plus a day for the zone's day boundaries. */
  static final int LONGEST_WINDOW_DAYS = java.util.Arrays.stream(io.truecount.core.ads.AttributionWindow.values())
      .mapToInt(io.truecount.core.ads.AttributionWindow::days).max().orElseThrow() + 1;

  private final Attribution attribution;

  public Drilldown(Attribution attribution) {
    this.attribution = attribution;
  }

  /** One question: which conversions make up this cell. */
  public record Cell(String advertiserId, Level level, String id, Optional<String> event, boolean conversionTime, LocalDate start, LocalDate end,
      ZoneId zone) {}

  public List<LedgerEntry> behind(Cell cell) {
    // Conversions of the range; on impression time, those up to the longest window after it may be credited to its touches.
    java.time.Instant from = cell.start().atStartOfDay(cell.zone()).toInstant();
    java.time.Instant to = cell.end().plusDays(cell.conversionTime() ? 1 : 1 + LONGEST_WINDOW_DAYS).atStartOfDay(cell.zone()).toInstant();
    return attribution.entries(cell.advertiserId(), from, to, view -> matches(view, cell)).stream()
        .sorted(Comparator.comparing((LedgerEntry e) -> e.conversion().time()).reversed()).toList();
  }

  private static boolean matches(LedgerView e, Cell cell) {
    if (!e.counted() || e.credit().isEmpty()) {
      return false;
    }
    Placement placement = e.credit().get().placement();
    if (!cell.level().idOf(placement).equals(cell.id()) || !e.event().equals(cell.event().orElse(placement.optimizationEvent()))) {
      return false;
    }
    LocalDate day = (cell.conversionTime() ? e.time() : e.credit().get().touchTime()).atZone(cell.zone()).toLocalDate();
    return !day.isBefore(cell.start()) && !day.isAfter(cell.end());
  }
}
