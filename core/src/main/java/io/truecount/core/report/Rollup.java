package io.truecount.core.report;

import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.Placement;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rolls ad rows up to a level. "Conversions" are, per ad, its ad group's optimization event
 * unless an event is picked; the levels above are plain sums, so advertiser = Σ campaigns =
 * Σ ad groups = Σ ads by construction.
 */
public final class Rollup {
  public static final String PURCHASE = "Purchase";

  private Rollup() {}

  /**
   * @param event the event to count as "conversion", or empty for each ad group's optimization event
   * @param placements ad id → placement; rows of unknown ads are skipped
   */
  public static List<LevelRow> rollup(List<AdRow> rows, Level level, Optional<String> event, Function<String, Optional<Placement>> placements) {
    Map<String, LevelRow> out = new LinkedHashMap<>();
    for (AdRow row : rows) {
      Optional<Placement> placement = placements.apply(row.adId());
      if (placement.isEmpty()) {
        continue;
      }
      String id = level.idOf(placement.get());
      LevelRow sums = sums(id, row, event.orElse(placement.get().optimizationEvent()));
      out.merge(id + '\u0000' + row.period().map(LocalDateTime::toString).orElse(""), sums, LevelRow::plus);
    }
    List<LevelRow> list = new ArrayList<>(out.values());
    list.sort((a, b) -> a.id().equals(b.id())
        ? a.period().map(LocalDateTime::toString).orElse("").compareTo(b.period().map(LocalDateTime::toString).orElse(""))
        : a.id().compareTo(b.id()));
    return list;
  }

  static LevelRow sums(String id, AdRow row, String event) {
    Tally imp = Tally.ZERO;
    Tally real = Tally.ZERO;
    Tally purchase = Tally.ZERO;
    long[] byKind = new long[TouchKind.values().length];
    for (Map.Entry<Measure, Tally> e : row.tallies().entrySet()) {
      Measure m = e.getKey();
      Tally t = e.getValue();
      if (m.event().equals(event)) {
        if (m.basis() == TimeBasis.IMPRESSION) {
          imp = imp.plus(t);
          byKind[m.kind().ordinal()] += t.count();
        } else {
          real = real.plus(t);
        }
      }
      if (m.event().equals(PURCHASE) && m.basis() == TimeBasis.IMPRESSION) {
        purchase = purchase.plus(t);
      }
    }
    Delivery d = row.delivery();
    return new LevelRow(id, row.period(), d.impressions(), d.clicks(), d.spend(), imp.count(), imp.value(), real.count(), real.value(),
        byKind[TouchKind.CLICK.ordinal()], byKind[TouchKind.VIEW.ordinal()], byKind[TouchKind.ENGAGED_VIEW.ordinal()],
        purchase.count(), purchase.value(), imp.otherCurrency(), d.platformConversions(), d.platformValue());
  }

}
