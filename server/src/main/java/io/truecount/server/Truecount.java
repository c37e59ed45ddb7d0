package io.truecount.server;

import io.truecount.core.pii.Pii;
import io.truecount.core.pipeline.Dedup;
import io.truecount.core.pipeline.LiveStage;
import io.truecount.core.pipeline.LogConsumer;
import io.truecount.core.pipeline.RecentEvents;
import io.truecount.core.pipeline.SourceHealth;
import io.truecount.core.pipeline.TestEvents;
import io.truecount.core.spi.Catalog;
import io.truecount.core.attribution.Attribution;
import io.truecount.core.report.ReportCube;
import io.truecount.core.trust.AnomalyDetector;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.TouchLog;
import io.truecount.server.admin.AdsAdmin;
import io.truecount.server.admin.CatalogAdmin;
import io.truecount.server.ads.AdsDirectory;
import io.truecount.server.ads.AttributionStage;
import io.truecount.server.ads.AnomalyService;
import io.truecount.server.ads.ChecklistService;
import io.truecount.server.ads.ReportService;
import io.truecount.server.http.AdsParts;
import io.truecount.server.http.HttpApi;
import io.truecount.server.http.TokenAuth;
import io.truecount.wire.Limits;
import io.truecount.wire.RequestIds;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The composition root: explicit wiring of the embedded deployment, no scanning, no magic. */
public final class Truecount implements AutoCloseable {
  static final String ADMIN_TOKEN_SETTING = "admin_token_sha256";
  public static final String FIRST_USER = "admin";

  private final Catalog catalog;
  private final Metrics metrics;
  private final io.truecount.core.spi.EventLog log;
  private final Stores stores;
  private final SharedChanges shared;
  private final LogConsumer consumer;
  private final TokenAuth auth;
  private final HttpApi http;
  private final CatalogAdmin admin;
  private final TestEvents testEvents;
  private final ScheduledExecutorService housekeeping;
  private final AdsStore adsStore;
  private final TouchLog touchLog;
  private final Attribution attribution;
  private final AdsAdmin adsAdmin;
  private final Optional<String> generatedAdminToken;
  private final io.truecount.core.spi.Accounts accounts;
  private final io.truecount.server.admin.UserAdmin users;
  private final Optional<String> generatedAdminPassword;
  private final io.truecount.server.ui.Sessions sessions;
  private volatile String nodeUrl;

  private Truecount(Config config, Clock clock, SecureRandom random) {
    this.metrics = new Metrics();
    this.stores = Stores.open(config, metrics::commitNanos);
    this.catalog = new CachedCatalog(stores.catalog(), config.tokenCacheTtl());
    this.generatedAdminToken = ensureAdminToken(config, random);
    this.log = stores.log();
    Dedup dedup = new Dedup(1 << 16);
    this.testEvents = new TestEvents(catalog, config.testEventsPerSource());
    RecentEvents recent = new RecentEvents(config.recentEventsPerSource());
    SourceHealth health = new SourceHealth(clock);
    this.adsStore = stores.ads();
    this.touchLog = stores.touches();
    AdsDirectory directory = new AdsDirectory(adsStore, catalog);
    ReportCube cube = new ReportCube(id -> catalog.advertiser(id).map(a -> a.currency()).orElse(""),
        id -> catalog.advertiser(id).map(a -> a.zone()).orElse(java.time.ZoneOffset.UTC));
    cube.delivery(adsStore.delivery());
    AnomalyDetector anomalies = new AnomalyDetector();
    this.attribution = new Attribution(directory, (before, after) -> {
      cube.changed(before, after);
      anomalies.changed(before, after);
    });
    Runnable reloadAds = () -> {
      directory.invalidate();
      attribution.settingsChanged();
    };
    this.shared = new SharedChanges(touchLog, attribution, stores.catalog(), reloadAds, () -> cube.delivery(adsStore.delivery()), random);
    shared.follow();
    this.adsAdmin = new AdsAdmin(catalog, adsStore, clock, random, advertiserId -> {
      directory.invalidate();
      attribution.settingsChanged(advertiserId);
      shared.adsChangedHere();
    });
    LiveStage attributionStage = new AttributionStage(attribution, catalog, directory);
    io.truecount.core.pipeline.ArrivalDelays arrival = new io.truecount.core.pipeline.ArrivalDelays();
    this.consumer = new LogConsumer(log, dedup, testEvents, LiveStage.composite(recent, health, metrics, attributionStage, anomalies, arrival),
        new LowPriorityThreads());
    this.auth = new TokenAuth(catalog, clock);
    AdsParts ads = new AdsParts(catalog, adsStore, adsAdmin, directory, touchLog, attribution, cube, new ReportService(cube, directory), recent, auth, clock, random,
        new ChecklistService(adsStore, directory, health, testEvents, attribution, cube, consumer, catalog, clock),
        new AnomalyService(anomalies, testEvents, catalog, adsStore, auth, clock), health, new io.truecount.server.ads.RecentDays(arrival, catalog),
        shared::deliveryChangedHere);
    this.admin = new CatalogAdmin(catalog, clock, random);
    this.accounts = stores.accounts();
    io.truecount.server.ui.Passwords passwords = new io.truecount.server.ui.Passwords();
    io.truecount.server.ui.Sessions sessions = new io.truecount.server.ui.Sessions(stores.accounts(), clock, random);
    this.sessions = sessions;
    this.users = new io.truecount.server.admin.UserAdmin(accounts, catalog, passwords, clock, random, sessions);
    this.generatedAdminPassword = ensureFirstUser();
    io.truecount.server.pixel.PixelScript pixelScript = new io.truecount.server.pixel.PixelScript();
    io.truecount.server.ui.UiParts ui = new io.truecount.server.ui.UiParts(config, catalog, accounts, sessions,
        new io.truecount.server.ui.LoginThrottle(clock), passwords, admin, health, testEvents, ads, pixelScript.version());
    Limits limits = new Limits(config.maxFuture(), config.maxAgeWebApp(), config.maxAgeOfflineCrm());
    Ingest ingest = new Ingest(catalog, auth, log, health, metrics, clock, limits);
    String adminHash = catalog.setting(ADMIN_TOKEN_SETTING).orElseThrow();
    this.http = new HttpApi(new HttpApi.Parts(config, catalog, log, consumer, ingest, admin, recent, health, testEvents,
        metrics, new RequestIds(clock), adminHash, ads, ui, pixelScript, routing(config), clock)).start();
    consumer.start(nodeUrl(config));
    metrics.gauge("truecount_log_queue_depth", "Appends waiting for the group commit", log::pendingAppends);
    metrics.gauge("truecount_pipeline_lag_events", "Durable events (records, on Kafka) not yet processed by the pipeline", consumer::lag);
    metrics.gauge("truecount_pipeline_partitions_owned", "Log partitions this node processes", () -> consumer.owned().size());
    metrics.gauge("truecount_pipeline_partitions_serving", "Log partitions this node processes and has read to their end since it got them",
        () -> consumer.owned().stream().filter(consumer::serves).count());
    metrics.gauge("truecount_dedup_keys", "Live dedup keys held", dedup::keysHeld);
    metrics.gauge("truecount_dedup_bytes", "Bytes held by the dedup index", dedup::bytesAllocated);
    this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "truecount-housekeeping");
      t.setDaemon(true);
      return t;
    });
    housekeeping.scheduleWithFixedDelay(auth::flushLastUsed, 10, 10, TimeUnit.SECONDS);
    housekeeping.scheduleWithFixedDelay(this::sweepSessionsQuietly, 1, 60, TimeUnit.MINUTES);
    housekeeping.scheduleWithFixedDelay(this::followSharedQuietly, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** With the log on Kafka, requests about another node's advertisers go to that node. */
  private Optional<io.truecount.server.http.OwnerRouting> routing(Config config) {
    return config.kafka().enabled()
        ? Optional.of(new io.truecount.server.http.OwnerRouting(consumer, log, stores.partitioning(), catalog, adsStore, () -> nodeUrl(config)))
        : Optional.empty();
  }

  /** The URL other nodes reach this one at: configured, or from the listen address and the bound port (known once the server started). */
  private String nodeUrl(Config config) {
    if (nodeUrl == null) {
      String host = config.host().contains(":") && !config.host().startsWith("[") ? "[" + config.host() + "]" : config.host();
      nodeUrl = config.kafka().nodeUrl().isEmpty() ? "http://" + host + ":" + http.port() : config.kafka().nodeUrl();
    }
    return nodeUrl;
  }

  /** Applies what other nodes wrote to the shared store (touches, ads changes) now, instead of at the next tick. */
  public void followShared() {
    shared.follow();
  }

  private void followSharedQuietly() {
    try {
      shared.follow();
    } catch (RuntimeException e) {
      System.getLogger(Truecount.class.getName()).log(System.Logger.Level.WARNING, "following the shared store failed (will retry): " + e.getMessage());
    }
  }

  private void sweepSessionsQuietly() {
    try {
      sessions.sweep();
    } catch (RuntimeException e) {
      System.getLogger(Truecount.class.getName()).log(System.Logger.Level.WARNING, "deleting expired UI sessions failed (will retry): " + e.getMessage());
    }
  }

  public static Truecount start(Config config, Clock clock, SecureRandom random) {
    return new Truecount(config, clock, random);
  }

  private Optional<String> ensureAdminToken(Config config, SecureRandom random) {
    if (!config.adminToken().isEmpty()) {
      catalog.putSetting(ADMIN_TOKEN_SETTING, Pii.sha256Hex(config.adminToken()));
      return Optional.empty();
    }
    if (catalog.setting(ADMIN_TOKEN_SETTING).isPresent()) {
      return Optional.empty();
    }
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    catalog.putSetting(ADMIN_TOKEN_SETTING, Pii.sha256Hex(token));
    return Optional.of(token);
  }

  /** With no UI user yet, an {@code admin} for every advertiser with a random password (shown once). */
  private Optional<String> ensureFirstUser() {
    if (!accounts.users().isEmpty()) {
      return Optional.empty();
    }
    String password = users.randomPassword();
    try {
      users.create(FIRST_USER, password, io.truecount.core.Role.ADMIN, io.truecount.core.User.ALL_ADVERTISERS);
    } catch (RuntimeException e) {
      if (accounts.byLogin(FIRST_USER).isPresent()) {
        return Optional.empty(); // another node of a cluster created it at the same moment
      }
      throw e;
    }
    return Optional.of(password);
  }

  /** The first UI user's password, when this start created that user. */
  public Optional<String> generatedAdminPassword() {
    return generatedAdminPassword;
  }

  public io.truecount.server.admin.UserAdmin users() {
    return users;
  }

  /** The admin token, when this start generated it (first start without one configured). */
  public Optional<String> generatedAdminToken() {
    return generatedAdminToken;
  }

  public int port() {
    return http.port();
  }

  public CatalogAdmin admin() {
    return admin;
  }

  public AdsAdmin ads() {
    return adsAdmin;
  }

  public Attribution attribution() {
    return attribution;
  }

  public LogConsumer pipeline() {
    return consumer;
  }

  public TestEvents testEvents() {
    return testEvents;
  }

  public HttpApi http() {
    return http;
  }

  @Override
  public void close() {
    http.close();
    housekeeping.shutdownNow();
    auth.flushLastUsed();
    consumer.close();
    stores.close();
    metrics.close();
  }
}
