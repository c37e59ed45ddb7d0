package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.Role;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormDataParser;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
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
  static final AttachmentKey<Viewer> VIEWER = AttachmentKey.create(Viewer.class);
  private static final HttpString CSRF_HEADER = new HttpString("X-CSRF-Token");
  private static final long MAX_FORM_BYTES = 256L << 20;

  /** What a route requires of the session. */
  public enum Need {
    SIGNED_IN,
    MEMBER,
    ADMIN_MEMBER
  }

  private final Sessions sessions;
  private final Accounts accounts;
  private final Catalog catalog;
  private final FormParserFactory forms = FormParserFactory.builder().withDefaultCharset("UTF-8").build();

  public SessionGuard(Sessions sessions, Accounts accounts, Catalog catalog) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.catalog = catalog;
  }

  public HttpHandler guard(Need need, HttpHandler page) {
    return blocking(ex -> check(ex, need, page));
  }

  /** Runs {@code next} on a worker thread with blocking IO (pages read forms and render templates). */
  static HttpHandler blocking(HttpHandler next) {
    return new HttpHandler() {
      @Override
      public void handleRequest(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
          ex.dispatch(this);
          return;
        }
        ex.startBlocking();
        next.handleRequest(ex);
      }
    };
  }

  private void check(HttpServerExchange ex, Need need, HttpHandler page) throws Exception {
    Cookie cookie = ex.getRequestCookie(SESSION_COOKIE);
    Optional<Sessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue());
    Optional<User> user = session.flatMap(s -> accounts.user(s.userId()));
    if (user.isEmpty()) {
      signIn(ex);
      return;
    }
    Optional<Advertiser> advertiser = Optional.empty();
    Optional<Role> role = Optional.empty();
    if (need != Need.SIGNED_IN) {
      String id = param(ex, "adv");
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
    if (!isRead(ex) && !csrfMatches(ex, session.get())) {
      Pages.error(ex, 403, "Form expired", "This form was not sent from the current session (CSRF check). Reload the page and try again.");
      return;
    }
    ex.putAttachment(VIEWER, new Viewer(user.get(), session.get(), advertiser, role));
    page.handleRequest(ex);
  }

  private boolean csrfMatches(HttpServerExchange ex, Sessions.Session session) throws java.io.IOException {
    String presented = ex.getRequestHeaders().getFirst(CSRF_HEADER);
    if (presented == null) {
      FormDataParser parser = forms.createParser(ex);
      if (parser != null) {
        ex.setMaxEntitySize(MAX_FORM_BYTES);
        FormData form = parser.parseBlocking();
        FormData.FormValue value = form.getFirst(CSRF_FIELD);
        presented = value == null || value.isFileItem() ? null : value.getValue();
      }
    }
    return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isRead(HttpServerExchange ex) {
    return ex.getRequestMethod().equals(Methods.GET) || ex.getRequestMethod().equals(Methods.HEAD);
  }

  /** Pages go to the sign-in form and come back; anything else (forms, streams, downloads) gets a 401. */
  private static void signIn(HttpServerExchange ex) {
    String accept = ex.getRequestHeaders().getFirst(Headers.ACCEPT);
    if (isRead(ex) && accept != null && accept.contains("text/html")) {
      String back = ex.getRequestURI() + (ex.getQueryString().isEmpty() ? "" : "?" + ex.getQueryString());
      ex.setStatusCode(303);
      ex.getResponseHeaders().put(Headers.LOCATION, "/ui/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8));
      ex.endExchange();
      return;
    }
    Pages.error(ex, 401, "Sign in required", "Sign in at /ui/login first.");
  }

  static String param(HttpServerExchange ex, String name) {
    var values = ex.getQueryParameters().get(name);
    return values == null || values.isEmpty() ? "" : values.getFirst();
  }
}
