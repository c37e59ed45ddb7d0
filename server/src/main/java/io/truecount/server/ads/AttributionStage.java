package io.truecount.server.ads;

import io.truecount.core.Event;
import io.truecount.core.EventSource;
import io.truecount.core.PageUrls;
import io.truecount.core.ads.Touch;
import io.truecount.core.ads.TouchKind;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.attribution.Conversion;
import io.truecount.core.pipeline.DedupDecision;
import io.truecount.core.pipeline.LiveStage;
import io.truecount.core.pipeline.ProcessedEvent;
import io.truecount.core.spi.Catalog;
import java.util.Optional;

/**
 * Feeds attribution from the live event stream: every counted event is a conversion (a merged
 * copy adds its keys and missing value to the first), and a page URL carrying {@code ttclid}
 * plus the advertiser's ad parameter records a first-party click touch (id {@code landing:<ttclid>},
 * so every page view of the same click is the same touch, at its earliest time).
 */
public final class AttributionStage implements LiveStage {
  private final Attribution attribution;
  private final Catalog catalog;
  private final AdsDirectory ads;

  public AttributionStage(Attribution attribution, Catalog catalog, AdsDirectory ads) {
    this.attribution = attribution;
    this.catalog = catalog;
    this.ads = ads;
  }

  @Override
  public void accept(ProcessedEvent p) {
    Optional<EventSource> source = catalog.source(p.event().sourceId());
    if (source.isEmpty()) {
      return;
    }
    String advertiserId = source.get().advertiserId();
    DedupDecision.Outcome outcome = p.decision().outcome();
    if (outcome == DedupDecision.Outcome.MERGED) {
      attribution.conversion(p.decision().firstSeq()).ifPresent(first -> attribution.conversion(merged(first, p.event())));
    } else if (outcome != DedupDecision.Outcome.DROPPED) {
      attribution.conversion(conversion(p.seq(), advertiserId, p.event()));
    }
    landingClick(advertiserId, p.event()).ifPresent(attribution::touch);
  }

  static Conversion conversion(long seq, String advertiserId, Event e) {
    return new Conversion(seq, advertiserId, e.sourceId(), e.reportedName(), e.eventId(), e.eventTime(), e.value(), e.currency(), e.user(), e.orderId(), e.receivedAt());
  }

  private static Conversion merged(Conversion first, Event later) {
    boolean needsValue = first.value().isEmpty() && later.value().isPresent();
    return new Conversion(first.seq(), first.advertiserId(), first.sourceId(), first.event(), first.eventId(), first.time(),
        needsValue ? later.value() : first.value(), first.currency().isEmpty() ? later.currency() : first.currency(),
        first.keys().fillFrom(later.user()), first.orderId().isEmpty() ? later.orderId() : first.orderId(), first.receivedAt());
  }

  Optional<Touch> landingClick(String advertiserId, Event e) {
    if (e.pageUrl().isEmpty() || !e.pageUrl().contains("ttclid=")) {
      return Optional.empty();
    }
    String ttclid = PageUrls.parameter(e.pageUrl(), "ttclid").orElse("");
    String adId = PageUrls.parameter(e.pageUrl(), ads.adParameter(advertiserId)).orElse("");
    if (ttclid.isEmpty() || adId.isEmpty()) {
      return Optional.empty();
    }
    boolean ours = ads.placement(adId).map(pl -> pl.advertiserId().equals(advertiserId)).orElse(false);
    if (!ours) {
      return Optional.empty();
    }
    return Optional.of(new Touch("landing:" + ttclid, advertiserId, adId, TouchKind.CLICK, e.eventTime(), e.user()));
  }

}
