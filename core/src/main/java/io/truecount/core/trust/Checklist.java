package io.truecount.core.trust;

import io.truecount.core.EventNames;
import io.truecount.core.ads.AdGroup;
import io.truecount.core.ads.Objective;
import io.truecount.core.pipeline.EventHealth;
import io.truecount.core.pipeline.SourceHealthReport;
import io.truecount.core.pipeline.TestCheck;
import io.truecount.core.pipeline.TestEventView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed's 5-step checklist as a verdict per campaign (docs/trust.md): 1 event source
 * confirmed, 2 right conversion event, 3 tested, 4 visible in reports, 5 attribution understood.
 * Steps 1–3 are judged per ad group and the campaign takes the worst; the overall verdict is
 * "broken" with any failed step, "needs attention" with any warning or unknown, else "trusted".
 */
public final class Checklist {
  static final Duration TEST_RECENCY = Duration.ofDays(30);
  static final double LOW_EMQ = 4.0;
  private static final Set<String> SALES = Set.of("Purchase", "PlaceAnOrder", "Subscribe", "Checkout");
  private static final Set<String> EARLY_FUNNEL = Set.of("AddToCart", "InitiateCheckout", "ViewContent", "AddPaymentInfo", "AddToWishlist", "Search");
  private static final Set<String> LEADS = Set.of("Lead", "CompleteRegistration", "Contact", "SubmitApplication", "Schedule", "ApplicationApproval");

  private Checklist() {}

  public static CampaignCheck judge(CheckInputs in) {
    List<Step> steps = steps(in);
    Optional<String> triage = in.numbers().campaignConversions() == 0 ? Optional.of(triage(in)) : Optional.empty();
    List<CampaignCheck.AdGroupCheck> groups = new ArrayList<>();
    for (AdGroup g : in.adGroups()) {
      long conversions = in.numbers().byAdGroup().getOrDefault(g.id(), 0L);
      CheckInputs.Numbers own = new CheckInputs.Numbers(conversions, in.numbers().campaignRealTime(), Map.of(g.id(), conversions), Map.of(g.id(), conversions),
          in.numbers().platformConversions(), false, in.numbers().pipelineLag());
      CheckInputs one = new CheckInputs(in.campaign(), List.of(g), in.health(), in.testEvents(), in.eventStats(), own, in.purchaseUrlPatterns(), in.now());
      List<Step> groupSteps = List.of(source(one), event(one), tested(one), attribution(one));
      groups.add(new CampaignCheck.AdGroupCheck(g.id(), g.name(), groupSteps, verdict(groupSteps), firstFix(groupSteps, "this ad group")));
    }
    return new CampaignCheck(in.campaign().id(), in.campaign().name(), in.campaign().objective().name(), steps, verdict(steps),
        firstFix(steps, "this campaign"), triage, groups);
  }

  private static List<Step> steps(CheckInputs in) {
    return List.of(source(in), event(in), tested(in), visible(in), attribution(in));
  }

  private static String verdict(List<Step> steps) {
    Verdict worst = steps.stream().map(Step::verdict).reduce(Verdict.PASS, Verdict::worst);
    return worst == Verdict.FAIL ? "broken" : worst == Verdict.PASS ? "trusted" : "needs attention";
  }

  private static String firstFix(List<Step> steps, String what) {
    return steps.stream().filter(s -> s.verdict() != Verdict.PASS).findFirst().map(s -> "Step " + s.number() + ": " + s.fix())
        .orElse("Nothing to fix: the conversion column of " + what + " can be read as truth.");
  }

  static Step source(CheckInputs in) {
    Verdict v = Verdict.PASS;
    List<String> evidence = new ArrayList<>();
    String fix = "";
    for (AdGroup g : in.adGroups()) {
      SourceHealthReport h = in.health().get(g.sourceId());
      String who = "ad group " + g.name() + " (" + g.id() + "), source " + g.sourceId() + ": ";
      if (h == null || h.status() == SourceHealthReport.Status.NO_RECENT_ACTIVITY) {
        v = v.worst(Verdict.FAIL);
        evidence.add(who + "no live event in the last 7 days" + (h == null ? "" : h.lastEventAt().map(t -> " (last: " + t + ")").orElse(" (never)")));
        fix = fix.isEmpty() ? "Make source " + g.sourceId() + " receive live events: install the pixel snippet or point the Events API sender at Truecount." : fix;
        continue;
      }
      if (!h.receivesBusinessEvents()) {
        v = v.worst(Verdict.FAIL);
        evidence.add(who + "only page events arrive (" + names(h) + "), no business event");
        fix = fix.isEmpty() ? "Fire " + g.optimizationEvent() + " on the page or server where the action completes." : fix;
      }
      Optional<EventHealth> e = h.events().stream().filter(x -> x.reportedName().equals(g.optimizationEvent()) && x.last7Days() > 0).findFirst();
      if (e.isEmpty()) {
        v = v.worst(Verdict.FAIL);
        evidence.add(who + "receives " + names(h) + " but no " + g.optimizationEvent() + " in 7 days");
        fix = fix.isEmpty() ? "Send " + g.optimizationEvent() + " from source " + g.sourceId() + " (the ad group optimizes for it)." : fix;
        continue;
      }
      EventHealth eh = e.get();
      evidence.add(who + g.optimizationEvent() + ": " + eh.last7Days() + " in 7 days, connection " + methods(eh) + ", EMQ " + eh.matchQuality() + "/10 ("
          + eh.keyCoverage().entrySet().stream().map(k -> k.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + Math.round(k.getValue() * 100) + "%")
              .collect(Collectors.joining(", ")) + ")");
      if (eh.matchQuality() < LOW_EMQ) {
        v = v.worst(Verdict.WARN);
        fix = fix.isEmpty() ? "Raise match quality of " + g.optimizationEvent() + ": send hashed email/phone/external_id, and ttclid and _ttp from the landing page." : fix;
      }
    }
    return new Step(1, "Event source confirmed", v, summary(v, "the sources are active and receive the optimization events"), evidence, fix);
  }

  static Step event(CheckInputs in) {
    Verdict v = Verdict.PASS;
    List<String> evidence = new ArrayList<>();
    String fix = "";
    Objective objective = in.campaign().objective();
    for (AdGroup g : in.adGroups()) {
      String event = g.optimizationEvent();
      String who = "ad group " + g.name() + ": optimizes " + event + " for " + objective;
      Verdict fit = fit(objective, event);
      if (fit == Verdict.FAIL) {
        evidence.add(who + " — " + (objective == Objective.LEAD_GENERATION ? "page views are not qualified leads" : "this event does not measure the goal"));
        fix = fix.isEmpty() ? "Optimize " + g.name() + " for " + expected(objective) + "." : fix;
      } else if (fit == Verdict.WARN) {
        evidence.add(who + " — early funnel: the conversion column is " + event + " volume, not sales; ROAS needs revenue");
        fix = fix.isEmpty() ? "For sales, optimize for Purchase; keep " + event + " only as an early-funnel test and do not read it as purchase CPA." : fix;
      } else {
        evidence.add(who + " — fits the goal");
      }
      v = v.worst(fit);
      CheckInputs.EventStats stats = in.eventStats().get(g.id());
      if (EventNames.isValueEvent(event) && stats != null && stats.received() > 0) {
        double share = (double) stats.withValueAndCurrency() / stats.received();
        evidence.add(String.format("ad group %s: %d of %d %s events carry value and currency (%.0f%%)", g.name(), stats.withValueAndCurrency(),
            stats.received(), event, share * 100));
        if (share < 0.95) {
          v = v.worst(Verdict.WARN);
          fix = fix.isEmpty() ? "Send value and currency with every " + event + " (ROAS and value optimization need them)." : fix;
        }
      }
    }
    return new Step(2, "Right conversion event", v, summary(v, "every ad group optimizes an event that measures the campaign goal"), evidence, fix);
  }

  static Step tested(CheckInputs in) {
    Verdict v = Verdict.PASS;
    List<String> evidence = new ArrayList<>();
    String fix = "";
    for (AdGroup g : in.adGroups()) {
      List<TestEventView> tests = in.testEvents().getOrDefault(g.sourceId(), List.of()).stream()
          .filter(t -> t.event().reportedName().equals(g.optimizationEvent()))
          .filter(t -> t.event().receivedAt().isAfter(in.now().minus(TEST_RECENCY))).toList();
      if (tests.isEmpty()) {
        v = v.worst(Verdict.WARN);
        evidence.add("ad group " + g.name() + ": no test " + g.optimizationEvent() + " from source " + g.sourceId() + " in 30 days");
        fix = fix.isEmpty() ? "Send one test " + g.optimizationEvent() + " with the source's test event code and check it in Test Events." : fix;
        continue;
      }
      TestEventView latest = tests.get(0);
      List<String> failed = new ArrayList<>(latest.checks().stream().filter(c -> c.verdict() == TestCheck.Verdict.FAIL).map(c -> c.name() + " (" + c.detail() + ")").toList());
      String pattern = in.purchaseUrlPatterns().getOrDefault(g.sourceId(), CheckInputs.DEFAULT_PURCHASE_URL);
      String url = latest.event().pageUrl();
      if (EventNames.isValueEvent(g.optimizationEvent()) && !url.isEmpty() && !java.util.regex.Pattern.compile(pattern, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(url).find()) {
        failed.add("expected_page (fired on " + url + ", not on the purchase page /" + pattern + "/)");
      }
      if (failed.isEmpty()) {
        evidence.add("ad group " + g.name() + ": test " + g.optimizationEvent() + " at " + latest.event().receivedAt() + " passed every check");
      } else {
        v = v.worst(Verdict.WARN);
        evidence.add("ad group " + g.name() + ": latest test " + g.optimizationEvent() + " failed " + String.join(", ", failed));
        fix = fix.isEmpty() ? "Fix the failed test checks, then send a clean test " + g.optimizationEvent() + "." : fix;
      }
    }
    return new Step(3, "Tested", v, summary(v, "a recent test of each optimization event passed"), evidence, fix);
  }

  static Step visible(CheckInputs in) {
    CheckInputs.Numbers n = in.numbers();
    List<String> evidence = new ArrayList<>();
    Verdict v = Verdict.PASS;
    String fix = "";
    long groups = n.byAdGroup().values().stream().mapToLong(Long::longValue).sum();
    long ads = n.byAd().values().stream().mapToLong(Long::longValue).sum();
    evidence.add("conversions (impression basis): campaign " + n.campaignConversions() + ", ad groups " + groups + ", ads " + ads
        + "; on conversion time: " + n.campaignRealTime());
    if (groups != n.campaignConversions() || ads != n.campaignConversions()) {
      v = Verdict.FAIL;
      fix = "Levels do not sum up: report this as a bug with the campaign id.";
    }
    if (n.campaignConversions() == 0) {
      v = v.worst(Verdict.WARN);
      fix = fix.isEmpty() ? "No conversions in the range: follow the no-conversions triage." : fix;
    }
    if (n.platformImported()) {
      long diff = n.platformConversions() - n.campaignConversions();
      double share = n.campaignConversions() == 0 ? (n.platformConversions() == 0 ? 0 : 1) : Math.abs((double) diff) / n.campaignConversions();
      evidence.add("platform-reported (Ads Manager import): " + n.platformConversions() + " vs Truecount " + n.campaignConversions()
          + " (difference " + (diff >= 0 ? "+" : "") + diff + ")");
      if (share > 0.10) {
        v = v.worst(Verdict.WARN);
        fix = fix.isEmpty() ? "The platform counts differ by more than 10 %: run the reconciliation to see each cause." : fix;
      }
    } else {
      evidence.add("no Ads Manager import for this range: the platform's own count cannot be compared");
      v = v.worst(Verdict.UNKNOWN);
      fix = fix.isEmpty() ? "Import an Ads Manager report export (POST /api/v1/delivery/import) to compare the platform's count with Truecount's." : fix;
    }
    return new Step(4, "Visible in reports", v, summary(v, "conversions show at every level and match the platform within 10 %"), evidence, fix);
  }

  static Step attribution(CheckInputs in) {
    List<String> evidence = new ArrayList<>();
    Set<String> settings = in.adGroups().stream().map(g -> g.settings().click() + "/" + g.settings().view() + "/" + g.settings().engagedView()
        + "/" + g.settings().count()).collect(Collectors.toCollection(java.util.TreeSet::new));
    for (AdGroup g : in.adGroups()) {
      evidence.add("ad group " + g.name() + ": click " + g.settings().click() + ", view " + g.settings().view() + ", engaged view "
          + g.settings().engagedView() + ", count " + g.settings().count() + (g.published() ? " (published, frozen)" : " (not published)"));
    }
    evidence.add("a fair backend comparison uses the same window, the advertiser's time zone and the conversion-time basis (real_time_conversion)");
    Verdict v = settings.size() > 1 ? Verdict.WARN : Verdict.PASS;
    String fix = v == Verdict.PASS ? "" : "Ad groups of this campaign use different windows or count modes " + settings
        + ": compare them only side by side (what-if), or align them in new ad groups.";
    return new Step(5, "Attribution understood", v, summary(v, "one set of windows for the campaign, known and frozen"), evidence, fix);
  }

  static String triage(CheckInputs in) {
    for (AdGroup g : in.adGroups()) {
      SourceHealthReport h = in.health().get(g.sourceId());
      if (h == null || h.status() == SourceHealthReport.Status.NO_RECENT_ACTIVITY) {
        return "1. Source inactive: " + g.sourceId() + " received no live event in 7 days, so nothing can be counted.";
      }
    }
    for (AdGroup g : in.adGroups()) {
      CheckInputs.EventStats s = in.eventStats().get(g.id());
      if (s == null || s.received() == 0) {
        return "2. Wrong event: " + g.sourceId() + " never sent " + g.optimizationEvent() + ", the event ad group " + g.name() + " counts.";
      }
    }
    long received = in.eventStats().values().stream().mapToLong(CheckInputs.EventStats::received).sum();
    long attributed = in.eventStats().values().stream().mapToLong(CheckInputs.EventStats::attributed).sum();
    long outside = in.eventStats().values().stream().mapToLong(CheckInputs.EventStats::attributedOutsideRange).sum();
    if (attributed == 0) {
      return "3. Events arrive but no touch credits them: " + received + " optimization events, none shares a key with a click or view of this campaign"
          + " inside its windows. Check that landing URLs carry ttclid and tt_ad, and that events carry ttclid, _ttp or hashed email/phone.";
    }
    if (outside > 0 || in.numbers().campaignRealTime() > 0) {
      return "4. Attributed outside the date range or on the other time basis: " + outside + " conversions are credited to clicks/views on other days"
          + (in.numbers().campaignRealTime() > 0 ? "; " + in.numbers().campaignRealTime() + " fall in the range on conversion time (real_time_conversion)" : "") + ".";
    }
    if (in.numbers().pipelineLag() > 0) {
      return "5. Reporting delay: " + in.numbers().pipelineLag() + " acknowledged events are not processed yet; look again in a moment.";
    }
    return "No cause found: events arrive and are attributed, just not to this campaign in this range.";
  }

  static Verdict fit(Objective objective, String event) {
    return switch (objective) {
      case SALES -> SALES.contains(event) ? Verdict.PASS : EARLY_FUNNEL.contains(event) ? Verdict.WARN : Verdict.FAIL;
      case LEAD_GENERATION -> LEADS.contains(event) ? Verdict.PASS : Verdict.FAIL;
      case APP_PROMOTION -> EventNames.APP_STANDARD.contains(event) ? Verdict.PASS : Verdict.FAIL;
      case TRAFFIC, ENGAGEMENT, REACH, VIDEO_VIEWS -> EventNames.isPageEvent(event) ? Verdict.WARN : Verdict.PASS;
    };
  }

  private static String expected(Objective objective) {
    return switch (objective) {
      case SALES -> "Purchase (CompletePayment)";
      case LEAD_GENERATION -> "Lead (SubmitForm) or CompleteRegistration";
      case APP_PROMOTION -> "InstallApp or an in-app event";
      default -> "the action you want more of";
    };
  }

  private static String names(SourceHealthReport h) {
    return h.events().stream().filter(e -> e.last7Days() > 0).map(EventHealth::reportedName).distinct().collect(Collectors.joining(", "));
  }

  private static String methods(EventHealth e) {
    return e.connectionMethods().entrySet().stream().filter(m -> m.getValue() > 0)
        .map(m -> m.getKey().label() + " " + m.getValue()).collect(Collectors.joining(", "));
  }

  private static String summary(Verdict v, String passing) {
    return switch (v) {
      case PASS -> "Pass: " + passing + ".";
      case WARN -> "Needs attention.";
      case FAIL -> "Fails.";
      case UNKNOWN -> "Cannot be judged yet.";
    };
  }

}
