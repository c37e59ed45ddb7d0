package io.truecount.testkit;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.spi.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A hand-written in-memory catalog: the reference the SQLite catalog is tested against. */
public final class InMemoryCatalog implements Catalog {
  private final Map<String, Advertiser> advertisers = new ConcurrentSkipListMap<>();
  private final Map<String, EventSource> sources = new ConcurrentSkipListMap<>();
  private final Map<String, AccessToken> tokens = new ConcurrentSkipListMap<>();
  private final Map<String, String> settings = new ConcurrentSkipListMap<>();

  @Override
  public void putAdvertiser(Advertiser advertiser) {
    advertisers.put(advertiser.id(), advertiser);
  }

  @Override
  public Optional<Advertiser> advertiser(String id) {
    return Optional.ofNullable(advertisers.get(id));
  }

  @Override
  public List<Advertiser> advertisers() {
    return List.copyOf(advertisers.values());
  }

  @Override
  public void putSource(EventSource source) {
    sources.put(source.id(), source);
  }

  @Override
  public Optional<EventSource> source(String id) {
    return Optional.ofNullable(sources.get(id));
  }

  @Override
  public List<EventSource> sources() {
    List<EventSource> all = new ArrayList<>(sources.values());
    all.sort(Comparator.comparing(EventSource::advertiserId).thenComparing(EventSource::id));
    return all;
  }

  @Override
  public void putToken(AccessToken token) {
    tokens.put(token.id(), token);
  }

  @Override
  public Optional<AccessToken> token(String id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public Optional<AccessToken> tokenBySecretHash(String secretHash) {
    return tokens.values().stream().filter(t -> t.secretHash().equals(secretHash)).findFirst();
  }

  @Override
  public List<AccessToken> tokens(String advertiserId) {
    return tokens.values().stream()
        .filter(t -> t.advertiserId().equals(advertiserId))
        .sorted(Comparator.comparing(AccessToken::createdAt).thenComparing(AccessToken::id))
        .toList();
  }

  @Override
  public Optional<String> setting(String key) {
    return Optional.ofNullable(settings.get(key));
  }

  @Override
  public void putSetting(String key, String value) {
    settings.put(key, value);
  }

  @Override
  public void close() {}
}
