package io.truecount.server.ui;

import io.truecount.server.admin.AdminException;
import io.truecount.server.http.Access;
import io.truecount.server.http.ReportRoutes;
import io.truecount.server.http.Route;
import io.truecount.server.http.TestEventStream;
import io.truecount.server.http.TrustRoutes;
import io.truecount.server.http.Handler;
import java.util.ArrayList;
import java.util.List;

/** Every web UI route with its access class. Pages live under {@code /ui/a/{adv}/...}: the advertiser is always in the path. */
public final class UiRoutes {
  private static final System.Logger LOG = System.getLogger(UiRoutes.class.getName());

  interface PageAction {
    void handle(UiRequest request) throws Exception;
  }

  private final UiParts p;
  private final SessionGuard guard;

  public UiRoutes(UiParts parts) {
    this.p = parts;
    this.guard = new SessionGuard(parts.sessions(), parts.accounts(), parts.catalog());
  }

  public SessionGuard guard() {
    return guard;
  }

  public List<Route> routes() {
    UiFrame frame = new UiFrame(p.catalog(), p.ads().clock());
    LoginPage login = new LoginPage(p.accounts(), p.catalog(), p.sessions(), p.throttle(), p.passwords(),
        p.config().publicUrl().startsWith("https:"), p.config().trustForwardedFor());
    EventsPage events = new EventsPage(p.admin(), p.health(), p.config().publicUrl(), p.pixelVersion(), frame);
    TestEventsPage tests = new TestEventsPage(p.testEvents(), events, frame);
    ReportsPage reports = new ReportsPage(p.ads().reports(), new ReportRoutes(p.ads()), p.ads().admin(), p.catalog(), p.health(), p.ads().attribution(),
        p.ads().recentDays(), frame);
    DiagnosticsPage diagnostics = new DiagnosticsPage(p.ads().checklist(), p.ads().anomalies(), p.ads().admin(), frame);
    ReconciliationPage reconciliation = new ReconciliationPage(new TrustRoutes(p.ads()), p.admin(), events, frame);
    Assets assets = new Assets();
    Handler stream = new TestEventStream(p.testEvents(), p.catalog(), "source");

    List<Route> routes = new ArrayList<>();
    routes.add(new Route("GET", "/", Access.PUBLIC, ex -> Pages.redirect(ex, "/ui")).onIoThread());
    routes.add(new Route("GET", "/ui/assets/{file}", Access.PUBLIC, assets::serve).onIoThread());
    routes.add(new Route("GET", "/ui/login", Access.PUBLIC, login.form()));
    routes.add(new Route("POST", "/ui/login", Access.PUBLIC, login.submit()));
    routes.add(new Route("POST", "/ui/logout", Access.SESSION, page(r -> login.signOut(r.exchange()))));
    routes.add(new Route("GET", "/ui", Access.SESSION, page(r -> login.home(r.exchange()))));
    String a = "/ui/a/{adv}";
    routes.add(new Route("GET", a, Access.MEMBER, page(r -> Pages.redirect(r.exchange(), "/ui/a/" + r.advertiser().id() + "/events"))));
    routes.add(new Route("GET", a + "/events", Access.MEMBER, page(events::list)));
    routes.add(new Route("GET", a + "/sources/{source}", Access.MEMBER, page(events::detail)));
    routes.add(new Route("POST", a + "/sources/{source}/test-code", Access.MEMBER_ADMIN, page(events::regenerateTestCode)));
    routes.add(new Route("POST", a + "/tokens", Access.MEMBER_ADMIN, page(events::createToken)));
    routes.add(new Route("POST", a + "/tokens/{token}/revoke", Access.MEMBER_ADMIN, page(events::revokeToken)));
    routes.add(new Route("POST", a + "/tokens/{token}/rotate", Access.MEMBER_ADMIN, page(events::rotateToken)));
    routes.add(new Route("GET", a + "/sources/{source}/test-events", Access.MEMBER, page(tests::show)));
    routes.add(new Route("GET", a + "/sources/{source}/test-events/stream", Access.MEMBER, page(r -> {
      events.source(r);
      stream.handle(r.exchange());
    })));
    routes.add(new Route("GET", a + "/campaigns", Access.MEMBER, page(new CampaignsPage(p.ads().admin(), frame)::show)));
    routes.add(new Route("GET", a + "/reports", Access.MEMBER, page(reports::show)));
    routes.add(new Route("GET", a + "/reports.csv", Access.MEMBER, page(reports::csv)));
    routes.add(new Route("GET", a + "/conversions", Access.MEMBER, page(reports::conversions)));
    routes.add(new Route("GET", a + "/conversions/{seq}", Access.MEMBER, page(reports::explanation)));
    routes.add(new Route("GET", a + "/diagnostics", Access.MEMBER, page(diagnostics::show)));
    routes.add(new Route("POST", a + "/anomalies/{anomaly}/dismiss", Access.MEMBER_ADMIN, page(diagnostics::dismiss)));
    routes.add(new Route("GET", a + "/reconciliation", Access.MEMBER, page(reconciliation::form)));
    routes.add(new Route("POST", a + "/reconciliation", Access.MEMBER, page(reconciliation::upload)).maxBody(ReconciliationPage.MAX_UPLOAD + (1 << 20)));
    return routes;
  }

  /** Runs a page after the guard; an unknown or foreign id is a 404 page, a bad parameter a 400 page, a bug a logged 500 page. */
  private static Handler page(PageAction action) {
    return ex -> {
      try {
        action.handle(UiRequest.of(ex));
      } catch (AdminException e) {
        Pages.error(ex, e.notFound() ? 404 : 400, e.notFound() ? "Not found" : "Cannot show this", e.getMessage());
      } catch (IllegalArgumentException e) {
        Pages.error(ex, 400, "Cannot show this", e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.ERROR, "UI page failed: " + ex.path(), e);
        if (!ex.answered()) {
          Pages.error(ex, 500, "Something broke", "The page failed (" + e.getClass().getSimpleName() + "); the server log has the details.");
        }
      }
    };
  }

}
