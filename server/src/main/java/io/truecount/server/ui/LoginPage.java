package io.truecount.server.ui;

import io.truecount.core.Advertiser;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import io.truecount.core.spi.Catalog;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.truecount.server.http.Exchange;
import io.truecount.server.http.Handler;
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

  LoginPage(Accounts accounts, Catalog catalog, Sessions sessions, LoginThrottle throttle, Passwords passwords, boolean secureByConfig, boolean trustForwarded) {
    this.accounts = accounts;
    this.catalog = catalog;
    this.sessions = sessions;
    this.throttle = throttle;
    this.passwords = passwords;
    this.secureByConfig = secureByConfig;
    this.trustForwarded = trustForwarded;
  }

  Handler form() {
    return ex -> showForm(ex, 200, "", ex.paramOrEmpty("next"));
  }

  Handler submit() {
    return this::signIn;
  }

  void signOut(Exchange ex) {
    Viewer viewer = ex.attachment(Viewer.class);
    sessions.close(viewer.session().id());
    ex.addCookie(expired(cookie(ex, SessionGuard.SESSION_COOKIE, "", "/")));
    Pages.redirect(ex, "/ui/login");
  }

  /** The advertisers this user can open; with exactly one, go straight to it. */
  void home(Exchange ex) {
    Viewer viewer = ex.attachment(Viewer.class);
    List<Advertiser> visible = visible(catalog, viewer.user());
    String chosen = ex.paramOrEmpty("adv");
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

  private void signIn(Exchange ex) {
    Form form = Form.of(ex);
    String login = value(form, "login");
    String next = value(form, "next");
    String expected = ex.cookie(LOGIN_COOKIE);
    if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), value(form, "_login").getBytes(StandardCharsets.UTF_8))) {
      showForm(ex, 403, "The sign-in form expired. Please try again.", next);
      return;
    }
    String address = ex.remote().getAddress().getHostAddress();
    Optional<Duration> wait = throttle.blocked("login:" + login).or(() -> throttle.blocked("ip:" + address));
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds());
      ex.responseHeader("Retry-After", Long.toString(seconds));
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
    ex.addCookie(cookie(ex, SessionGuard.SESSION_COOKIE, session.id(), "/"));
    ex.addCookie(expired(cookie(ex, LOGIN_COOKIE, "", "/ui/login")));
    Pages.redirect(ex, safeNext(next));
  }

  private void showForm(Exchange ex, int status, String error, String next) {
    String token = sessions.secret();
    DefaultCookie login = cookie(ex, LOGIN_COOKIE, token, "/ui/login");
    login.setSameSite(CookieHeaderNames.SameSite.Strict);
    ex.addCookie(login);
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

  private DefaultCookie cookie(Exchange ex, String name, String value, String path) {
    String proto = trustForwarded ? ex.header("X-Forwarded-Proto") : null;
    boolean secure = secureByConfig || "https".equals(ex.scheme()) || "https".equalsIgnoreCase(proto);
    DefaultCookie cookie = new DefaultCookie(name, value);
    cookie.setPath(path);
    cookie.setHttpOnly(true);
    cookie.setSameSite(CookieHeaderNames.SameSite.Lax);
    cookie.setSecure(secure);
    return cookie;
  }

  private static Cookie expired(DefaultCookie cookie) {
    cookie.setMaxAge(0);
    return cookie;
  }

  private static String value(Form form, String name) {
    return form.field(name).orElse("");
  }
}
