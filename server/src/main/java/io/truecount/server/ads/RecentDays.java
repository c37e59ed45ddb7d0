package io.truecount.server.ads;

import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.pipeline.ArrivalDelays;
import io.truecount.core.spi.Catalog;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Will these numbers still change?": for an advertiser's last days (its time zone), the share of
 * each day's events that typically is still to arrive, from how late its sources' events arrived
 * over the last 28 days ({@link ArrivalDelays}).
 */
public final class RecentDays {
  /** Days whose share still to arrive rounds to less than this are left out. */
  static final double NEGLIGIBLE = 0.0005;

  /** One day and its share still to arrive (0..1). */
  public record Day(LocalDate date, double stillToArrive) {}

  /** The days that may still change, newest first, and what the estimate rests on. */
  public record Outlook(List<Day> days, long basedOnEvents, double withinOneHour) {}

  private final ArrivalDelays delays;
  private final Catalog catalog;

  public RecentDays(ArrivalDelays delays, Catalog catalog) {
    this.delays = delays;
    this.catalog = catalog;
  }

  /** The last {@code days} days up to today; empty without enough history (fewer than 100 business events in 28 days). */
  public Optional<Outlook> outlook(Advertiser advertiser, int days, Instant now) {
    List<String> sources = catalog.sources().stream().filter(s -> s.advertiserId().equals(advertiser.id())).map(EventSource::id).toList();
    ZoneId zone = advertiser.zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    List<Day> out = new ArrayList<>();
    long basedOn = 0;
    double withinOneHour = 0;
    for (int back = 0; back < days; back++) {
      LocalDate day = today.minusDays(back);
      Instant from = day.atStartOfDay(zone).toInstant();
      Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
      Optional<ArrivalDelays.Estimate> estimate = delays.stillToArrive(sources, from, to, now);
      if (estimate.isEmpty()) {
        return Optional.empty();
      }
      basedOn = estimate.get().basedOnEvents();
      withinOneHour = estimate.get().withinOneHour();
      if (estimate.get().stillToArrive() >= NEGLIGIBLE) {
        out.add(new Day(day, estimate.get().stillToArrive()));
      }
    }
    return Optional.of(new Outlook(out, basedOn, withinOneHour));
  }
}
