package io.truecount.server.ads;

import io.truecount.core.Advertiser;
import io.truecount.core.ads.Ad;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Campaign;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.pipeline.LogConsumer;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.SourceHealthReport;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.pipeline.TestEventView;
import io.truecount.core.report.Granularity;
import io.truecount.core.report.Level;
import io.truecount.core.report.LevelRow;
import io.truecount.core.report.ReportCube;
import io.truecount.core.report.Rollup;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.trust.CampaignCheck;
import io.truecount.core.trust.CheckInputs;
import io.truecount.core.trust.Checklist;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Gathers what the checklist judges for a campaign from the live state (health, test events, ledger, cube) and judges it. */
public final class ChecklistService {
  private final AdsStore store;
  private final AdsDirectory directory;
  private final SourceHealth health;
  private final TestEvents testEvents;
  private final Attribution attribution;
  private final ReportCube cube;
  private final LogConsumer pipeline;
  private final Clock clock;
  private final io.truecount.core.spi.Catalog catalog;
  public static final String PURCHASE_URL = "purchase_url_pattern.";

  public ChecklistService(AdsStore store, AdsDirectory directory, SourceHealth health, TestEvents testEvents, Attribution attribution, ReportCube cube,
      LogConsumer pipeline, io.truecount.core.spi.Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.store = store;
    this.directory = directory;
    this.health = health;
    this.testEvents = testEvents;
    this.attribution = attribution;
    this.cube = cube;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /** Sets where a source's purchase is expected to fire (a regular expression searched in the page URL). */
  public String setPurchaseUrlPattern(String sourceId, String pattern) {
    try {
      java.util.regex.Pattern.compile(pattern);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw io.truecount.server.admin.AdminException.invalid("pattern " + pattern + ": not a regular expression (" + e.getDescription() + ")");
    }
    catalog.putSetting(PURCHASE_URL + sourceId, pattern);
    return pattern;
  }

  /** The campaign's checklist over [start, end] in the advertiser's zone (default: the last 7 days). */
  public CampaignCheck check(Advertiser advertiser, Campaign campaign, Optional<LocalDate> start, Optional<LocalDate> end) {
    LocalDate to = end.orElse(clock.instant().atZone(advertiser.zone()).toLocalDate());
    LocalDate from = start.orElse(to.minusDays(6));
    List<AdGroup> groups = store.adGroups(advertiser.id()).stream().filter(g -> g.campaignId().equals(campaign.id())).toList();
    Set<String> ads = store.ads(advertiser.id()).stream().filter(a -> a.campaignId().equals(campaign.id())).map(Ad::id).collect(Collectors.toSet());
    Map<String, SourceHealthReport> reports = new HashMap<>();
    Map<String, List<TestEventView>> tests = new HashMap<>();
    for (AdGroup g : groups) {
      reports.computeIfAbsent(g.sourceId(), health::report);
      tests.computeIfAbsent(g.sourceId(), s -> testEvents.latest(s, 200));
    }
    var rows = cube.query(advertiser.id(), from, to, Granularity.TOTAL).stream().filter(r -> ads.contains(r.adId())).toList();
    List<LevelRow> campaignRows = Rollup.rollup(rows, Level.CAMPAIGN, Optional.empty(), directory::placement);
    long campaignTotal = sum(campaignRows, LevelRow::conversions);
    long realTime = sum(campaignRows, LevelRow::realTimeConversions);
    long platform = sum(campaignRows, LevelRow::platformConversions);
    Map<String, Long> byGroup = byId(Rollup.rollup(rows, Level.ADGROUP, Optional.empty(), directory::placement));
    Map<String, Long> byAd = byId(Rollup.rollup(rows, Level.AD, Optional.empty(), directory::placement));
    CheckInputs.Numbers numbers = new CheckInputs.Numbers(campaignTotal, realTime, byGroup, byAd, platform, platform > 0, pipeline.lag());
    Map<String, String> patterns = new HashMap<>();
    for (AdGroup g : groups) {
      catalog.setting(PURCHASE_URL + g.sourceId()).ifPresent(p -> patterns.put(g.sourceId(), p));
    }
    CheckInputs in = new CheckInputs(campaign, groups, reports, tests, stats(advertiser, groups, from, to), numbers, patterns, clock.instant());
    return Checklist.judge(in);
  }

  /** Per ad group: its optimization events from its source in range, with value+currency, credited to it, and credited to it on another day. */
  private Map<String, CheckInputs.EventStats> stats(Advertiser advertiser, List<AdGroup> groups, LocalDate from, LocalDate to) {
    long[][] counts = new long[groups.size()][4]; // received, valued, attributed, attributed to a touch outside the range
    attribution.forEachView(advertiser.id(), from.atStartOfDay(advertiser.zone()).toInstant(), to.plusDays(1).atStartOfDay(advertiser.zone()).toInstant(),
        e -> {
          for (int i = 0; i < groups.size(); i++) {
            AdGroup g = groups.get(i);
            if (!e.sourceId().equals(g.sourceId()) || !e.event().equals(g.optimizationEvent())) {
              continue;
            }
            counts[i][0]++;
            counts[i][1] += e.hasValue() && !e.currency().isEmpty() ? 1 : 0;
            if (e.credit().isPresent() && e.credit().get().placement().adGroupId().equals(g.id())) {
              counts[i][2]++;
              counts[i][3] += inRange(e.credit().get().touchTime(), advertiser, from, to) ? 0 : 1;
            }
          }
        });
    Map<String, CheckInputs.EventStats> out = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      out.put(groups.get(i).id(), new CheckInputs.EventStats(counts[i][0], counts[i][1], counts[i][2], counts[i][3]));
    }
    return out;
  }

  private static boolean inRange(java.time.Instant t, Advertiser advertiser, LocalDate from, LocalDate to) {
    LocalDate day = t.atZone(advertiser.zone()).toLocalDate();
    return !day.isBefore(from) && !day.isAfter(to);
  }

  private static Map<String, Long> byId(List<LevelRow> rows) {
    Map<String, Long> out = new HashMap<>();
    rows.forEach(r -> out.merge(r.id(), r.conversions(), Long::sum));
    return out;
  }

  private static long sum(List<LevelRow> rows, java.util.function.ToLongFunction<LevelRow> f) {
    return rows.stream().mapToLong(f).sum();
  }
}
