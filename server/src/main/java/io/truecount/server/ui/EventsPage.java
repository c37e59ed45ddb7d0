package io.truecount.server.ui;

import io.truecount.core.AccessToken;
import io.truecount.core.ConnectionMethod;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.pipeline.EventHealth;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.SourceHealthReport;
import io.truecount.server.admin.AdminException;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.server.admin.NewToken;
import io.truecount.server.pixel.Snippet;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Events Manager: sources with status and volume; a source's events, match keys and setup (snippet, tokens, test code). */
final class EventsPage {
  private final CatalogAdmin admin;
  private final SourceHealth health;
  private final String publicUrl;
  private final String pixelVersion;
  private final UiFrame frame;

  EventsPage(CatalogAdmin admin, SourceHealth health, String publicUrl, String pixelVersion, UiFrame frame) {
    this.admin = admin;
    this.health = health;
    this.publicUrl = publicUrl;
    this.pixelVersion = pixelVersion;
    this.frame = frame;
  }

  void list(UiRequest r) {
    List<SourceRow> rows = admin.sources(Optional.of(r.advertiser().id())).stream().map(this::row).toList();
    Pages.render(r.exchange(), "events.jte", Map.of("chrome", frame.chrome(r, "Events Manager", "events"), "rows", rows));
  }

  void detail(UiRequest r) {
    EventSource source = source(r);
    Map<String, Object> model = new HashMap<>();
    model.put("chrome", frame.chrome(r, source.name() + " · Events Manager", "events"));
    model.put("row", row(source));
    model.put("tokens", admin.tokens(r.advertiser().id()).stream().filter(t -> t.source().map(source.id()::equals).orElse(true))
        .sorted(Comparator.comparing(AccessToken::createdAt).reversed()).toList());
    model.put("snippet", source.kind() == SourceKind.WEB ? Snippet.setup(base(r), source.id(), pixelVersion).snippet() : "");
    model.put("now", frame.now());
    Pages.render(r.exchange(), "source.jte", model);
  }

  void regenerateTestCode(UiRequest r) {
    EventSource source = admin.regenerateTestCode(source(r).id());
    Pages.redirect(r.exchange(), r.viewer().advertiser().map(a -> "/ui/a/" + a.id()).orElseThrow() + "/sources/" + source.id() + "#setup");
  }

  void createToken(UiRequest r) {
    Optional<String> sourceId = r.form("event_source_id");
    sourceId.ifPresent(id -> owned(r, id));
    shownOnce(r, admin.createToken(r.advertiser().id(), sourceId), "created");
  }

  void revokeToken(UiRequest r) {
    AccessToken token = token(r);
    admin.revokeToken(token.id());
    Pages.redirect(r.exchange(), back(r, token));
  }

  void rotateToken(UiRequest r) {
    AccessToken token = token(r);
    long hours = r.form("overlap_hours").map(h -> parseHours(h)).orElse(24L);
    shownOnce(r, admin.rotateToken(token.id(), Duration.ofHours(hours)), "rotated: the old token keeps working for " + hours + " h");
  }

  private void shownOnce(UiRequest r, NewToken token, String what) {
    Pages.render(r.exchange(), "token.jte", Map.of("chrome", frame.chrome(r, "Access token", "events"), "token", token, "what", what,
        "back", back(r, token.token())));
  }

  private static String back(UiRequest r, AccessToken token) {
    String base = "/ui/a/" + r.advertiser().id();
    return token.source().map(s -> base + "/sources/" + s + "#setup").orElse(base + "/events");
  }

  private static long parseHours(String text) {
    try {
      long hours = Long.parseLong(text);
      if (hours < 0 || hours > 24 * 30) {
        throw AdminException.invalid("overlap_hours " + text + ": 0 to 720");
      }
      return hours;
    } catch (NumberFormatException e) {
      throw AdminException.invalid("overlap_hours " + text + ": a whole number of hours");
    }
  }

  /** The source in the path, if it belongs to the advertiser in the path (else 404). */
  EventSource source(UiRequest r) {
    return owned(r, r.path("source"));
  }

  /** The source {@code id}, if it belongs to the advertiser in the path (else 404). */
  EventSource owned(UiRequest r, String id) {
    try {
      EventSource source = admin.source(id);
      if (source.advertiserId().equals(r.advertiser().id())) {
        return source;
      }
    } catch (AdminException e) {
      // fall through: unknown and foreign sources look the same
    }
    throw AdminException.notFound("event source", id);
  }

  private AccessToken token(UiRequest r) {
    String id = r.path("token");
    try {
      AccessToken token = admin.token(id);
      if (token.advertiserId().equals(r.advertiser().id())) {
        return token;
      }
    } catch (AdminException e) {
      // same answer as a foreign token
    }
    throw AdminException.notFound("token", id);
  }

  private SourceRow row(EventSource source) {
    SourceHealthReport report = health.report(source.id());
    long day = 0;
    long week = 0;
    Map<ConnectionMethod, Long> methods = new EnumMap<>(ConnectionMethod.class);
    double weighted = 0;
    long weight = 0;
    for (EventHealth e : report.events()) {
      day += e.last24Hours();
      week += e.last7Days();
      e.connectionMethods().forEach((m, n) -> methods.merge(m, n, Long::sum));
      if (e.businessEvent()) {
        weighted += e.matchQuality() * e.counted();
        weight += e.counted();
      }
    }
    String method = methods.entrySet().stream().max(Map.Entry.comparingByValue()).map(m -> m.getKey().label()).orElse("—");
    return new SourceRow(source, report, day, week, method, weight == 0 ? 0 : weighted / weight);
  }

  private String base(UiRequest r) {
    return publicUrl.isEmpty() ? r.exchange().scheme() + "://" + r.exchange().hostAndPort() : publicUrl;
  }
}
