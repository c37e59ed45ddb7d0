package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.server.handlers.form.FormData;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sign in and out. The sign-in form carries a one-time token that must match a cookie set with the
 * form (login CSRF); failures are throttled per login and per client address.
 */
final class LoginPage {
  private static final String LOGIN_COOKIE = "tc_login";
  private final Accounts accounts;
  private final Catalog catalog;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final Passwords passwords;
  private final boolean secureByConfig;
  private final boolean trustForwarded;
  private final FormParserFactory forms = FormParserFactory.builder().withDefaultCharset("UTF-8").build();

  LoginPage(Accounts accounts, Catalog catalog, Sessions sessions, LoginThrottle throttle, Passwords passwords, boolean secureByConfig, boolean trustForwarded) {
    this.accounts = accounts;
    this.catalog = catalog;
    this.sessions = sessions;
    this.throttle = throttle;
    this.passwords = passwords;
    this.secureByConfig = secureByConfig;
    this.trustForwarded = trustForwarded;
  }

  HttpHandler form() {
    return SessionGuard.blocking(ex -> showForm(ex, 200, "", SessionGuard.param(ex, "next")));
  }

  HttpHandler submit() {
    return SessionGuard.blocking(this::signIn);
  }

  void signOut(HttpServerExchange ex) {
    Viewer viewer = ex.getAttachment(SessionGuard.VIEWER);
    sessions.close(viewer.session().id());
    ex.setResponseCookie(cookie(ex, SessionGuard.SESSION_COOKIE, "", "/").setMaxAge(0));
    Pages.redirect(ex, "/ui/login");
  }

  /** The advertisers this user can open; with exactly one, go straight to it. */
  void home(HttpServerExchange ex) {
    Viewer viewer = ex.getAttachment(SessionGuard.VIEWER);
    List<Advertiser> visible = visible(catalog, viewer.user());
    String chosen = SessionGuard.param(ex, "adv");
    Optional<Advertiser> pick = visible.size() == 1 ? Optional.of(visible.get(0)) : visible.stream().filter(a -> a.id().equals(chosen)).findFirst();
    if (pick.isPresent()) {
      Pages.redirect(ex, "/ui/a/" + pick.get().id() + "/events");
      return;
    }
    Pages.render(ex, "home.jte", Map.of("viewer", viewer, "advertisers", visible));
  }

  static List<Advertiser> visible(Catalog catalog, User user) {
    return catalog.advertisers().stream().filter(a -> user.roleFor(a.id()).isPresent()).toList();
  }

  private void signIn(HttpServerExchange ex) throws Exception {
    var parser = forms.createParser(ex);
    FormData form = parser == null ? new FormData(0) : parser.parseBlocking();
    String login = value(form, "login");
    String next = value(form, "next");
    Cookie expected = ex.getRequestCookie(LOGIN_COOKIE);
    if (expected == null || !MessageDigest.isEqual(expected.getValue().getBytes(StandardCharsets.UTF_8), value(form, "_login").getBytes(StandardCharsets.UTF_8))) {
      showForm(ex, 403, "The sign-in form expired. Please try again.", next);
      return;
    }
    String address = ex.getSourceAddress().getAddress().getHostAddress();
    Optional<Duration> wait = throttle.blocked("login:" + login).or(() -> throttle.blocked("ip:" + address));
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      ex.getResponseHeaders().put(Headers.RETRY_AFTER, Long.toString(seconds));
      showForm(ex, 429, "Too many failed sign-ins. Try again in " + (seconds + 59) / 60 + " minute(s).", next);
      return;
    }
    Optional<User> user = accounts.byLogin(login);
    String password = value(form, "password");
    if (user.isEmpty()) {
      passwords.spendCheck(password);
    }
    if (user.isEmpty() || !passwords.matches(password, user.get().passwordHash())) {
      throttle.failed("login:" + login);
      throttle.failed("ip:" + address);
      showForm(ex, 401, "Wrong login or password.", next);
      return;
    }
    throttle.succeeded("login:" + login);
    Sessions.Session session = sessions.open(user.get().id());
    ex.setResponseCookie(cookie(ex, SessionGuard.SESSION_COOKIE, session.id(), "/"));
    ex.setResponseCookie(cookie(ex, LOGIN_COOKIE, "", "/ui/login").setMaxAge(0));
    Pages.redirect(ex, safeNext(next));
  }

  private void showForm(HttpServerExchange ex, int status, String error, String next) {
    String token = sessions.secret();
    ex.setResponseCookie(cookie(ex, LOGIN_COOKIE, token, "/ui/login").setSameSiteMode("Strict"));
    Map<String, Object> model = new HashMap<>();
    model.put("token", token);
    model.put("error", error);
    model.put("next", safeNext(next));
    Pages.render(ex, status, "login.jte", model);
  }

  /** Only our own pages: a path under /ui/, never another host. */
  static String safeNext(String next) {
    return next != null && next.startsWith("/ui/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\r") && !next.contains("\n") ? next : "/ui";
  }

  private Cookie cookie(HttpServerExchange ex, String name, String value, String path) {
    String proto = trustForwarded ? ex.getRequestHeaders().getFirst("X-Forwarded-Proto") : null;
    boolean secure = secureByConfig || "https".equals(ex.getRequestScheme()) || "https".equalsIgnoreCase(proto);
    return new CookieImpl(name, value).setPath(path).setHttpOnly(true).setSameSiteMode("Lax").setSecure(secure);
  }

  private static String value(FormData form, String name) {
    FormData.FormValue v = form.getFirst(name);
    return v == null || v.isFileItem() ? "" : v.getValue();
  }
}
