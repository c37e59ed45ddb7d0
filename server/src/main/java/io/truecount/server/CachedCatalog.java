package io.truecount.server;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.spi.Catalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The catalog with short-lived caches for the three lookups every ingestion request makes (token,
 * source, advertiser). Writes through this object invalidate at once; changes made by another
 * process (the CLI) are seen within the TTL.
 */
final class CachedCatalog implements Catalog {
  private final Catalog delegate;
  private final long ttlNanos;
  private final Map<String, Entry<AccessToken>> tokens = new ConcurrentHashMap<>();
  private final Map<String, Entry<EventSource>> sources = new ConcurrentHashMap<>();
  private final Map<String, Entry<Advertiser>> advertisers = new ConcurrentHashMap<>();

  private record Entry<T>(Optional<T> value, long loadedAt) {}

  CachedCatalog(Catalog delegate, Duration ttl) {
    this.delegate = delegate;
    this.ttlNanos = ttl.toNanos();
  }

  @Override
  public Optional<AccessToken> tokenBySecretHash(String secretHash) {
    return cached(tokens, secretHash, delegate::tokenBySecretHash);
  }

  @Override
  public Optional<EventSource> source(String id) {
    return cached(sources, id, delegate::source);
  }

  @Override
  public Optional<Advertiser> advertiser(String id) {
    return cached(advertisers, id, delegate::advertiser);
  }

  private <T> Optional<T> cached(Map<String, Entry<T>> cache, String key, Function<String, Optional<T>> load) {
    long now = System.nanoTime();
    Entry<T> entry = cache.get(key);
    if (entry == null || now - entry.loadedAt() > ttlNanos) {
      if (cache.size() > 100_000) {
        cache.clear();
      }
      entry = new Entry<>(load.apply(key), now);
      cache.put(key, entry);
    }
    return entry.value();
  }

  private void invalidate() {
    tokens.clear();
    sources.clear();
    advertisers.clear();
  }

  @Override
  public void putAdvertiser(Advertiser advertiser) {
    delegate.putAdvertiser(advertiser);
    invalidate();
  }

  @Override
  public List<Advertiser> advertisers() {
    return delegate.advertisers();
  }

  @Override
  public void putSource(EventSource source) {
    delegate.putSource(source);
    invalidate();
  }

  @Override
  public List<EventSource> sources() {
    return delegate.sources();
  }

  @Override
  public void putToken(AccessToken token) {
    delegate.putToken(token);
    invalidate();
  }

  @Override
  public Optional<AccessToken> token(String id) {
    return delegate.token(id);
  }

  @Override
  public List<AccessToken> tokens(String advertiserId) {
    return delegate.tokens(advertiserId);
  }

  @Override
  public Optional<String> setting(String key) {
    return delegate.setting(key);
  }

  @Override
  public void putSetting(String key, String value) {
    delegate.putSetting(key, value);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
