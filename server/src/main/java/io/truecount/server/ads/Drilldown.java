package io.truecount.server.ads;

import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.LedgerEntry;
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
  private final Attribution attribution;

  public Drilldown(Attribution attribution) {
    this.attribution = attribution;
  }

  /** One question: which conversions make up this cell. */
  public record Cell(String advertiserId, Level level, String id, Optional<String> event, boolean conversionTime, LocalDate start, LocalDate end,
      ZoneId zone) {}

  public List<LedgerEntry> behind(Cell cell) {
    return attribution.entries(cell.advertiserId()).stream().filter(e -> matches(e, cell))
        .sorted(Comparator.comparing((LedgerEntry e) -> e.conversion().time()).reversed()).toList();
  }

  private static boolean matches(LedgerEntry e, Cell cell) {
    if (!e.counted() || e.credit().isEmpty() || !e.conversion().advertiserId().equals(cell.advertiserId())) {
      return false;
    }
    Placement placement = e.credit().get().placement();
    if (!cell.level().idOf(placement).equals(cell.id()) || !e.conversion().event().equals(cell.event().orElse(placement.optimizationEvent()))) {
      return false;
    }
    LocalDate day = (cell.conversionTime() ? e.conversion().time() : e.credit().get().touchTime()).atZone(cell.zone()).toLocalDate();
    return !day.isBefore(cell.start()) && !day.isAfter(cell.end());
  }
}
