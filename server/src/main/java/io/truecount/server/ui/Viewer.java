package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.Role;
import io.truecount.core.User;
import java.util.Optional;

/** Who is looking: the signed-in user, their session and, on advertiser pages, the advertiser and their role there. */
public record Viewer(User user, Sessions.Session session, Optional<Advertiser> advertiser, Optional<Role> role) {
  public boolean mayChange() {
    return role.map(Role::mayChange).orElse(false);
  }

  public Advertiser requireAdvertiser() {
    return advertiser.orElseThrow(() -> new IllegalStateException("not an advertiser page"));
  }
}
