package io.truecount.server.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.truecount.core.EventSource;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.server.http.JsonRequest;
import io.truecount.server.http.TrustRoutes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reconciliation: upload a Shopify, GA4 or backend export and see the gap waterfall and every order
 * with its reason. It reads and compares, it changes nothing stored, so analysts may run it too.
 */
final class ReconciliationPage {
  static final long MAX_UPLOAD = 256L << 20;
  private static final List<String> FIELDS = List.of("format", "columns", "start_date", "end_date", "event", "campaign_ids");
  private final TrustRoutes trust;
  private final CatalogAdmin admin;
  private final EventsPage events;
  private final UiFrame frame;

  ReconciliationPage(TrustRoutes trust, CatalogAdmin admin, EventsPage events, UiFrame frame) {
    this.trust = trust;
    this.admin = admin;
    this.events = events;
    this.frame = frame;
  }

  void form(UiRequest r) {
    render(r, Optional.empty(), "");
  }

  void upload(UiRequest r) {
    String sourceId = r.form("event_source_id").orElseThrow(() -> AdminException.invalid("event_source_id: choose the pixel or event set the orders came through"));
    EventSource source = events.owned(r, sourceId);
    byte[] file = r.file("file", MAX_UPLOAD).orElseThrow(() -> AdminException.invalid("file: choose an export to upload"));
    r.exchange().setParam("event_source_id", source.id());
    for (String field : FIELDS) {
      r.exchange().setParam(field, r.form(field).orElse(null));
    }
    ObjectNode result;
    try {
      result = trust.reconcile(JsonRequest.upload(r.exchange(), file));
    } catch (AdminException e) {
      render(r, Optional.empty(), e.getMessage());
      return;
    }
    render(r, Optional.of(result), "");
  }

  private void render(UiRequest r, Optional<ObjectNode> result, String error) {
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", frame.chrome(r, "Reconciliation", "reconciliation"));
    model.put("sources", admin.sources(Optional.of(r.advertiser().id())));
    model.put("result", result.orElse(null));
    model.put("error", error);
    model.put("chosen", r.form("event_source_id").orElse(""));
    Pages.render(r.exchange(), error.isEmpty() ? 200 : 400, "reconciliation.jte", model);
  }
}
