package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.trust.CampaignCheck;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.ads.AnomalyService;
import io.truecount.server.ads.ChecklistService;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Diagnostics: the five-step verdict per campaign (and its no-conversions triage) and the open anomalies. */
final class DiagnosticsPage {
  private final ChecklistService checklist;
  private final AnomalyService anomalies;
  private final AdsAdmin ads;
  private final UiFrame frame;

  DiagnosticsPage(ChecklistService checklist, AnomalyService anomalies, AdsAdmin ads, UiFrame frame) {
    this.checklist = checklist;
    this.anomalies = anomalies;
    this.ads = ads;
    this.frame = frame;
  }

  void show(UiRequest r) {
    Advertiser advertiser = r.advertiser();
    List<CampaignCheck> checks = ads.campaigns(advertiser.id()).stream()
        .map(c -> checklist.check(advertiser, c, Optional.empty(), Optional.empty())).toList();
    boolean dismissed = r.param("dismissed").isPresent();
    Pages.render(r.exchange(), "diagnostics.jte", Map.of("chrome", frame.chrome(r, "Diagnostics", "diagnostics"), "checks", checks,
        "anomalies", anomalies.list(advertiser.id(), dismissed), "showDismissed", dismissed));
  }

  void dismiss(UiRequest r) {
    String id = r.path("anomaly");
    boolean ours = anomalies.list(r.advertiser().id(), true).stream().anyMatch(l -> l.anomaly().id().equals(id));
    if (!ours) {
      throw AdminException.notFound("anomaly", id);
    }
    anomalies.dismiss(id);
    Pages.redirect(r.exchange(), "/ui/a/" + r.advertiser().id() + "/diagnostics#anomalies");
  }
}
