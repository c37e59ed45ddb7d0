package io.truecount.server.http;

import io.truecount.core.pipeline.LogConsumer;
import io.truecount.core.spi.AdsStore;
import io.truecount.core.spi.Catalog;
import io.truecount.core.spi.EventLog;
import io.truecount.core.spi.Partitioning;
import io.truecount.wire.Code;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * In a cluster each node holds the pipeline state of the advertisers in its log partitions. A
 * request about another node's advertiser is forwarded to that node (streamed: Server-Sent Events
 * work) and answered from there; the owner accepts the same admin token, cookie and CSRF token,
 * which live in the shared store. A partition between owners (a node died, or is replaying a
 * partition it just got) answers 503 with {@code Retry-After} rather than incomplete numbers.
 */
public final class OwnerRouting {
  /** Set on forwarded requests: the receiver answers itself, so a request is forwarded at most once. */
  static final String FORWARDED_BY = "X-Truecount-Forwarded-By";
  /** On every answer about an advertiser: the node that answered (the owner, also when forwarded). */
  static final String NODE = "X-Truecount-Node";
  /** Headers that describe one hop, not the request: not copied when forwarding (RFC 9110 §7.6.1), plus those the JDK client sets itself. */
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding",
      "upgrade", "content-length", "host", "expect", "date");

  private final LogConsumer consumer;
  private final EventLog log;
  private final Partitioning partitioning;
  private final Catalog catalog;
  private final AdsStore ads;
  private final java.util.function.Supplier<String> self;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  public OwnerRouting(LogConsumer consumer, EventLog log, Partitioning partitioning, Catalog catalog, AdsStore ads, java.util.function.Supplier<String> self) {
    this.consumer = consumer;
    this.log = log;
    this.partitioning = partitioning;
    this.catalog = catalog;
    this.ads = ads;
    this.self = self;
  }

  /** {@code next}, answered here when this node holds the request's advertiser, else by the node that does. */
  Handler route(Handler next) {
    return ex -> {
      Optional<String> advertiser = advertiserOf(ex);
      int partition = advertiser.map(partitioning::of).orElse(-1);
      if (partition < 0 || consumer.serves(partition)) {
        ex.responseHeader(NODE, self.get());
        next.handle(ex);
        return;
      }
      String owner = log.owners().get(partition);
      if (owner == null || owner.equals(self.get()) || ex.hasHeader(FORWARDED_BY)) {
        moving(ex, partition, owner);
        return;
      }
      forward(ex, owner);
    };
  }

  /** Sends the request to {@code owner} and streams its answer back as it comes (Server-Sent Events included). */
  private void forward(Exchange ex, String owner) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(owner + ex.uri()))
        .timeout(Duration.ofSeconds(120))
        .method(ex.method(), ex.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(ex.body()));
    for (Map.Entry<String, String> header : ex.requestHeaders()) {
      if (!HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT)) && !header.getKey().equalsIgnoreCase("X-Forwarded-For")) {
        request.header(header.getKey(), header.getValue());
      }
    }
    String client = ex.remote().getAddress().getHostAddress();
    String forwardedFor = ex.header("X-Forwarded-For");
    request.header("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client);
    request.header(FORWARDED_BY, self.get());
    this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofPublisher()).whenComplete((response, error) -> {
      if (error != null) {
        Responses.envelope(ex, 502, Code.SYSTEM_ERROR, "The node holding this advertiser (" + owner + ") did not answer: " + error.getMessage() + "; retry in a few seconds", null);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
          ex.responseHeader(name, values.size() == 1 ? values.get(0) : values);
        }
      });
      response.body().subscribe(new Relay(ex.stream(response.statusCode())));
    });
  }

  /** Copies a forwarded answer's body to the client a piece at a time, asking for the next once the last is written. */
  private static final class Relay implements Flow.Subscriber<List<ByteBuffer>> {
    private final ResponseStream out;
    private Flow.Subscription subscription;

    Relay(ResponseStream out) {
      this.out = out;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      out.onClose(s::cancel);
      s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      int size = buffers.stream().mapToInt(ByteBuffer::remaining).sum();
      byte[] bytes = new byte[size];
      int at = 0;
      for (ByteBuffer buffer : buffers) {
        int n = buffer.remaining();
        buffer.get(bytes, at, n);
        at += n;
      }
      out.write(bytes).whenComplete((ok, failed) -> {
        if (failed == null) {
          subscription.request(1);
        } else {
          subscription.cancel();
        }
      });
    }

    @Override
    public void onError(Throwable error) {
      out.close();
    }

    @Override
    public void onComplete() {
      out.close();
    }
  }

  private void moving(Exchange ex, int partition, String owner) {
    ex.responseHeader("Retry-After", "2");
    String why = owner == null ? "has no node right now (one left the cluster; another takes it over within the session timeout)"
        : owner.equals(self.get()) ? "was just given to this node, which is still replaying its events"
        : "is moving to " + owner;
    Responses.envelope(ex, 503, Code.SYSTEM_ERROR, "The advertiser's log partition " + partition + " " + why + "; retry in a few seconds", null);
  }

  /** The advertiser a request is about: named in the path or query, or the owner of the source, campaign or ad group it names. */
  private Optional<String> advertiserOf(Exchange ex) {
    Optional<String> direct = first(ex, "adv").or(() -> first(ex, "advertiser_id"));
    if (direct.isPresent()) {
      return direct;
    }
    String path = ex.path();
    if (path.startsWith("/api/v1/advertisers/")) {
      return first(ex, "id");
    }
    if (path.startsWith("/api/v1/sources/")) {
      return first(ex, "id").flatMap(catalog::source).map(s -> s.advertiserId());
    }
    if (path.startsWith("/api/v1/conversions/")) {
      return first(ex, "source").flatMap(catalog::source).map(s -> s.advertiserId());
    }
    if (path.startsWith("/api/v1/campaigns/")) {
      return first(ex, "id").flatMap(ads::campaign).map(c -> c.advertiserId());
    }
    if (path.startsWith("/api/v1/adgroups/")) {
      return first(ex, "id").flatMap(ads::adGroup).map(g -> g.advertiserId());
    }
    return Optional.empty();
  }

  private static Optional<String> first(Exchange ex, String name) {
    return ex.param(name).filter(v -> !v.isEmpty());
  }
}
