package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.Role;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.truecount.server.http.Exchange;
import io.truecount.server.http.Handler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Enforces the web UI's access classes before a page runs: a live session; on advertiser pages
 * ({@code {adv}} in the path) a membership there (else 404, so other advertisers' ids reveal
 * nothing); for changes the admin role (else 403); and on every non-GET request the session's CSRF
 * token, from the form field {@code _csrf} or the {@code X-CSRF-Token} header (else 403).
 */
public final class SessionGuard {
  public static final String SESSION_COOKIE = "tc_session";
  public static final String CSRF_FIELD = "_csrf";
  private static final String CSRF_HEADER = "X-CSRF-Token";

  /** What a route requires of the session. */
  public enum Need {
    SIGNED_IN,
    MEMBER,
    ADMIN_MEMBER
  }

  private final Sessions sessions;
  private final Accounts accounts;
  private final Catalog catalog;

  public SessionGuard(Sessions sessions, Accounts accounts, Catalog catalog) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.catalog = catalog;
  }

  public Handler guard(Need need, Handler page) {
    return ex -> check(ex, need, page);
  }

  private void check(Exchange ex, Need need, Handler page) throws Exception {
    Optional<Sessions.Session> session = sessions.find(ex.cookie(SESSION_COOKIE));
    Optional<User> user = session.flatMap(s -> accounts.user(s.userId()));
    if (user.isEmpty()) {
      signIn(ex);
      return;
    }
    Optional<Advertiser> advertiser = Optional.empty();
    Optional<Role> role = Optional.empty();
    if (need != Need.SIGNED_IN) {
      String id = ex.paramOrEmpty("adv");
      role = user.get().roleFor(id);
      advertiser = role.flatMap(r -> catalog.advertiser(id));
      if (advertiser.isEmpty()) {
        Pages.error(ex, 404, "Not found", "There is no advertiser " + id + " you can see.");
        return;
      }
      if (need == Need.ADMIN_MEMBER && !role.get().mayChange()) {
        Pages.error(ex, 403, "Read-only access", "Your role for this advertiser is analyst: you can read everything but change nothing.");
        return;
      }
    }
    if (!ex.isRead() && !csrfMatches(ex, session.get())) {
      Pages.error(ex, 403, "Form expired", "This form was not sent from the current session (CSRF check). Reload the page and try again.");
      return;
    }
    ex.attach(Viewer.class, new Viewer(user.get(), session.get(), advertiser, role));
    page.handle(ex);
  }

  private boolean csrfMatches(Exchange ex, Sessions.Session session) {
    String presented = ex.header(CSRF_HEADER);
    if (presented == null) {
      presented = Form.of(ex).field(CSRF_FIELD).orElse(null);
    }
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8));
  }

  /** Pages go to the sign-in form and come back; anything else (forms, streams, downloads) gets a 401. */
  private static void signIn(Exchange ex) {
    String accept = ex.header(HttpHeaderNames.ACCEPT);
    if (ex.isRead() && accept != null && accept.contains("text/html")) {
      Pages.redirect(ex, "/ui/login?next=" + URLEncoder.encode(ex.uri(), StandardCharsets.UTF_8));
      return;
    }
    Pages.error(ex, 401, "Sign in required", "Sign in at /ui/login first.");
  }
}
