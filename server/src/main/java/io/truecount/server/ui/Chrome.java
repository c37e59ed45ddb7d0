package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import java.util.List;

/** What the page frame shows: title, active tab, the viewer, the advertiser and the ones they can switch to. */
public record Chrome(String title, String tab, Viewer viewer, Advertiser advertiser, List<Advertiser> advertisers, String testEventsUrl) {
  public String base() {
    return "/ui/a/" + advertiser.id();
  }

  public String csrf() {
    return viewer.session().csrf();
  }
}
