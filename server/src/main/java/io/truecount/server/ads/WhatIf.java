package io.truecount.server.ads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.AttributionSettings;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.AdDirectory;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.attribution.LedgerEntry;
import io.truecount.core.attribution.Placement;
import io.truecount.wire.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes one ad group's results under other settings from the same touches and conversions,
 * side by side with its settings as they are (read-only: a private engine, nothing published
 * changes). Conversions are the ad group's optimization event on the impression basis.
 */
public final class WhatIf {
  private final Attribution live;
  private final AdsDirectory directory;

  public WhatIf(Attribution live, AdsDirectory directory) {
    this.live = live;
    this.directory = directory;
  }

  public ObjectNode compare(AdGroup group, AttributionSettings alternative, ZoneId zone, LocalDate start, LocalDate end) {
    // Impression basis: conversions credited to touches of the range happen from its start to the longest window after its end.
    java.time.Instant from = start.atStartOfDay(zone).toInstant();
    java.time.Instant to = end.plusDays(1 + Drilldown.LONGEST_WINDOW_DAYS).atStartOfDay(zone).toInstant();
    List<Conversion> conversions = live.conversions(group.advertiserId(), from, to,
        v -> v.sourceId().equals(group.sourceId()) && v.event().equals(group.optimizationEvent()));
    List<LedgerEntry> current = recompute(group, group.settings(), conversions);
    List<LedgerEntry> other = recompute(group, alternative, conversions);
    ObjectNode node = Json.MAPPER.createObjectNode().put("adgroup_id", group.id()).put("optimization_event", group.optimizationEvent())
        .put("start_date", start.toString()).put("end_date", end.toString()).put("time_basis", "impression");
    node.set("current", summary(group, group.settings(), current, zone, start, end));
    node.set("what_if", summary(group, alternative, other, zone, start, end));
    long difference = node.path("what_if").path("conversions").asLong() - node.path("current").path("conversions").asLong();
    node.put("difference", difference).put("note", "Read-only: the published settings and reports do not change. "
        + (group.published() ? "To use other settings, create a new ad group." : "This ad group is not published yet: its settings can still change."));
    return node;
  }

  /** The ad group's optimization events only: other events and sources can neither be credited to it nor share its ONCE slots. */
  private List<LedgerEntry> recompute(AdGroup group, AttributionSettings settings, List<Conversion> conversions) {
    AdDirectory overridden = new AdDirectory() {
      @Override
      public Optional<Placement> placement(String adId) {
        return directory.placement(adId).map(p -> p.adGroupId().equals(group.id())
            ? new Placement(p.adId(), p.adGroupId(), p.campaignId(), p.advertiserId(), p.sourceId(), p.optimizationEvent(), settings) : p);
      }

      @Override
      public boolean ipUserAgentMatching(String advertiserId) {
        return directory.ipUserAgentMatching(advertiserId);
      }
    };
    Attribution engine = new Attribution(overridden, (before, after) -> {});
    live.touches().stream().filter(t -> t.advertiserId().equals(group.advertiserId())).forEach(engine::touch);
    conversions.forEach(engine::conversion);
    return engine.entries();
  }

  private static ObjectNode summary(AdGroup group, AttributionSettings s, List<LedgerEntry> entries, ZoneId zone, LocalDate start, LocalDate end) {
    long count = 0;
    long notCountedOnce = 0;
    BigDecimal value = BigDecimal.ZERO;
    Map<TouchKind, Long> byKind = new EnumMap<>(TouchKind.class);
    for (LedgerEntry e : entries) {
      if (e.credit().isEmpty() || !e.credit().get().placement().adGroupId().equals(group.id()) || !e.conversion().event().equals(group.optimizationEvent())) {
        continue;
      }
      LocalDate day = e.credit().get().touchTime().atZone(zone).toLocalDate();
      if (day.isBefore(start) || day.isAfter(end)) {
        continue;
      }
      if (!e.counted()) {
        notCountedOnce++;
        continue;
      }
      count++;
      value = value.add(e.conversion().value().orElse(BigDecimal.ZERO));
      byKind.merge(e.credit().get().kind(), 1L, Long::sum);
    }
    ObjectNode node = Json.MAPPER.createObjectNode().put("click_attribution_window", s.click().name()).put("view_attribution_window", s.view().name())
        .put("engaged_view_attribution_window", s.engagedView().name()).put("attribution_event_count", s.count().name())
        .put("conversions", count).put("value", value.setScale(2, RoundingMode.HALF_UP).toPlainString())
        .put("not_counted_once", notCountedOnce);
    ObjectNode kinds = node.putObject("by_touch_kind");
    for (TouchKind k : TouchKind.values()) {
      kinds.put(k.wireName(), byKind.getOrDefault(k, 0L));
    }
    return node;
  }
}
