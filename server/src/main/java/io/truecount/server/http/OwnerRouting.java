package io.truecount.server.http;

import io.truecount.core.pipeline.LogConsumer;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.Partitioning;
import io.truecount.wire.Code;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.proxy.LoadBalancingProxyClient;
import io.undertow.server.handlers.proxy.ProxyHandler;
import io.undertow.util.HttpString;
import java.net.URI;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In a cluster each node holds the pipeline state of the advertisers in its log partitions. A
 * request about another node's advertiser is forwarded to that node (streamed: Server-Sent Events
 * work) and answered from there; the owner accepts the same admin token, cookie and CSRF token,
 * which live in the shared store. A partition between owners (a node died, or is replaying a
 * partition it just got) answers 503 with {@code Retry-After} rather than incomplete numbers.
 */
public final class OwnerRouting {
  /** Set on forwarded requests: the receiver answers itself, so a request is forwarded at most once. */
  static final HttpString FORWARDED_BY = new HttpString("X-Truecount-Forwarded-By");
  /** On every answer about an advertiser: the node that answered (the owner, also when forwarded). */
  static final HttpString NODE = new HttpString("X-Truecount-Node");

  private final LogConsumer consumer;
  private final EventLog log;
  private final Partitioning partitioning;
  private final Catalog catalog;
  private final AdsStore ads;
  private final java.util.function.Supplier<String> self;
  private final Map<String, ProxyHandler> proxies = new ConcurrentHashMap<>();

  public OwnerRouting(LogConsumer consumer, EventLog log, Partitioning partitioning, Catalog catalog, AdsStore ads, java.util.function.Supplier<String> self) {
    this.consumer = consumer;
    this.log = log;
    this.partitioning = partitioning;
    this.catalog = catalog;
    this.ads = ads;
    this.self = self;
  }

  /** {@code next}, answered here when this node holds the request's advertiser, else by the node that does. */
  HttpHandler route(HttpHandler next) {
    return new HttpHandler() {
      @Override
      public void handleRequest(HttpServerExchange ex) throws Exception {
        if (ex.isInIoThread()) {
          ex.dispatch(this); // resolving an advertiser may read the store
          return;
        }
        Optional<String> advertiser = advertiserOf(ex);
        int partition = advertiser.map(partitioning::of).orElse(-1);
        if (partition < 0 || consumer.serves(partition)) {
          ex.getResponseHeaders().put(NODE, self.get());
          next.handleRequest(ex);
          return;
        }
        String owner = log.owners().get(partition);
        if (owner == null || owner.equals(self.get()) || ex.getRequestHeaders().contains(FORWARDED_BY)) {
          moving(ex, partition, owner);
          return;
        }
        ex.getRequestHeaders().put(FORWARDED_BY, self.get());
        proxies.computeIfAbsent(owner, OwnerRouting::proxyTo).handleRequest(ex);
      }
    };
  }

  private void moving(HttpServerExchange ex, int partition, String owner) {
    ex.getResponseHeaders().put(io.undertow.util.Headers.RETRY_AFTER, "2");
    String why = owner == null ? "has no node right now (one left the cluster; another takes it over within the session timeout)"
        : owner.equals(self.get()) ? "was just given to this node, which is still replaying its events"
        : "is moving to " + owner;
    Responses.envelope(ex, 503, Code.SYSTEM_ERROR, "The advertiser's log partition " + partition + " " + why + "; retry in a few seconds", null);
  }

  /** The advertiser a request is about: named in the path or query, or the owner of the source, campaign or ad group it names. */
  private Optional<String> advertiserOf(HttpServerExchange ex) {
    Map<String, Deque<String>> params = ex.getQueryParameters();
    Optional<String> direct = first(params, "adv").or(() -> first(params, "advertiser_id"));
    if (direct.isPresent()) {
      return direct;
    }
    String path = ex.getRequestPath();
    if (path.startsWith("/api/v1/advertisers/")) {
      return first(params, "id");
    }
    if (path.startsWith("/api/v1/sources/")) {
      return first(params, "id").flatMap(catalog::source).map(s -> s.advertiserId());
    }
    if (path.startsWith("/api/v1/conversions/")) {
      return first(params, "source").flatMap(catalog::source).map(s -> s.advertiserId());
    }
    if (path.startsWith("/api/v1/campaigns/")) {
      return first(params, "id").flatMap(ads::campaign).map(c -> c.advertiserId());
    }
    if (path.startsWith("/api/v1/adgroups/")) {
      return first(params, "id").flatMap(ads::adGroup).map(g -> g.advertiserId());
    }
    return Optional.empty();
  }

  private static Optional<String> first(Map<String, Deque<String>> params, String name) {
    Deque<String> values = params.get(name);
    return values == null || values.isEmpty() || values.peekFirst().isEmpty() ? Optional.empty() : Optional.of(values.peekFirst());
  }

  private static ProxyHandler proxyTo(String owner) {
    LoadBalancingProxyClient client = new LoadBalancingProxyClient().addHost(URI.create(owner)).setConnectionsPerThread(4);
    return ProxyHandler.builder().setProxyClient(client).setMaxRequestTime(120_000).setReuseXForwarded(true).build();
  }
}
