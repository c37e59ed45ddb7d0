package io.truecount.server.ads;

import io.truecount.core.AccessToken;
import io.truecount.core.EventSource;
import io.truecount.core.pipeline.TestEventView;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Catalog;
import io.truecount.core.trust.Anomaly;
import io.truecount.core.trust.AnomalyDetector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An advertiser's anomalies: the detector's, test codes left on live traffic, tokens about to expire; dismissals are kept in the catalog. */
public final class AnomalyService {
  static final String DISMISSED = "anomaly.dismissed.";
  private final AnomalyDetector detector;
  private final TestEvents testEvents;
  private final Catalog catalog;
  private final Clock clock;
  private final io.truecount.core.spi.AdsStore ads;
  private final io.truecount.server.http.TokenAuth auth;

  public AnomalyService(AnomalyDetector detector, TestEvents testEvents, Catalog catalog, io.truecount.core.spi.AdsStore ads,
      io.truecount.server.http.TokenAuth auth, Clock clock) {
    this.ads = ads;
    this.auth = auth;
    this.detector = detector;
    this.testEvents = testEvents;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** An anomaly and whether someone dismissed it. */
  public record Listed(Anomaly anomaly, boolean dismissed) {}

  public List<Listed> list(String advertiserId, boolean includeDismissed) {
    Instant now = clock.instant();
    Set<String> sources = new HashSet<>();
    catalog.sources().stream().filter(s -> s.advertiserId().equals(advertiserId)).map(EventSource::id).forEach(sources::add);
    List<Anomaly> found = new ArrayList<>(detector.detect(now).stream().filter(a -> sources.contains(a.sourceId())).toList());
    sources.forEach(s -> testCodeOnLive(s, now).ifPresent(found::add));
    Set<String> registered = new HashSet<>();
    ads.ads(advertiserId).forEach(a -> registered.addAll(a.landingDomains()));
    if (!registered.isEmpty()) {
      for (String source : sources) {
        detector.hostsSince(source, now.minus(Duration.ofHours(24))).forEach((host, count) -> {
          boolean ok = registered.stream().anyMatch(d -> host.equals(d) || host.endsWith("." + d));
          if (!ok) {
            found.add(new Anomaly("unregistered_domain:" + source + ":" + host, Anomaly.Kind.UNREGISTERED_DOMAIN, source, "", "", now.minus(Duration.ofHours(24)),
                count + " events from " + host + ", which is not one of the advertiser's landing domains " + registered,
                "the pixel code was copied to another site (a staging copy, a scraper, a competitor's template)",
                "If the domain is yours, add it to an ad's landing domains; if not, rotate the pixel and ignore its events."));
          }
        });
      }
    }
    for (AccessToken t : catalog.tokens(advertiserId)) {
      if (t.revokedAt() == null && t.expiresAt() != null && t.expiresAt().isAfter(now) && t.expiresAt().isBefore(now.plus(Duration.ofDays(3)))) {
        found.add(new Anomaly("token_near_expiry:" + t.id(), Anomaly.Kind.TOKEN_NEAR_EXPIRY, t.sourceId() == null ? "" : t.sourceId(), "", "", t.createdAt(),
            "token " + t.id() + " expires at " + t.expiresAt(), "it was rotated and the overlap period is ending",
            "Move every sender to the new token before " + t.expiresAt() + "."));
      }
    }
    for (var f : auth.failuresSince(advertiserId, now.minus(Duration.ofHours(24)))) {
      found.add(new Anomaly("token_failing:" + f.tokenId(), Anomaly.Kind.TOKEN_FAILING, "", "", "", f.last(),
          f.count() + " requests refused (40105) with token " + f.tokenId() + ", " + f.why() + "; last at " + f.last(),
          "a sender still uses a token that was revoked, or whose rotation overlap ended", "Give that sender the current token (truecount token list/rotate)."));
    }
    List<Listed> out = new ArrayList<>();
    for (Anomaly a : found) {
      boolean dismissed = catalog.setting(DISMISSED + a.id()).isPresent();
      if (includeDismissed || !dismissed) {
        out.add(new Listed(a, dismissed));
      }
    }
    return out;
  }

  public void dismiss(String id) {
    catalog.putSetting(DISMISSED + id, clock.instant().toString());
  }

  private java.util.Optional<Anomaly> testCodeOnLive(String sourceId, Instant now) {
    List<TestEventView> recent = testEvents.latest(sourceId, 500).stream().filter(t -> t.event().receivedAt().isAfter(now.minus(Duration.ofHours(24)))).toList();
    Set<String> users = new HashSet<>();
    recent.forEach(t -> users.add(t.event().user().ttp().isEmpty() ? t.event().user().ip() : t.event().user().ttp()));
    if (recent.size() < 20 || users.size() < 5) {
      return java.util.Optional.empty();
    }
    Instant first = recent.get(recent.size() - 1).event().receivedAt();
    return java.util.Optional.of(new Anomaly("test_code_on_live_traffic:" + sourceId, Anomaly.Kind.TEST_CODE_ON_LIVE_TRAFFIC, sourceId, "", "", first,
        recent.size() + " test events from " + users.size() + " different visitors in 24 h: real traffic is going to Test Events and is not counted",
        "the test event code (or ?tt_test_id) was left in the live site or sender", "Remove test_event_code from the live sender or snippet; regenerate the code."));
  }
}
