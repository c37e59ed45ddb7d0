package io.truecount.server.ui;

import io.truecount.core.spi.Catalog;
import java.time.Clock;
import java.time.Instant;

/** Builds the page frame for a request: the advertisers the viewer can switch between. */
final class UiFrame {
  private final Catalog catalog;
  private final Clock clock;

  UiFrame(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  Chrome chrome(UiRequest r, String title, String tab) {
    String base = "/ui/a/" + r.advertiser().id();
    String tests = catalog.sources().stream().filter(s -> s.advertiserId().equals(r.advertiser().id())).findFirst()
        .map(s -> base + "/sources/" + s.id() + "/test-events").orElse(base + "/events");
    return new Chrome(title, tab, r.viewer(), r.advertiser(), LoginPage.visible(catalog, r.viewer().user()), tests);
  }

  Instant now() {
    return clock.instant();
  }
}
