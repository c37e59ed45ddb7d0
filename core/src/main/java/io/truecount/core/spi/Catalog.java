package io.truecount.core.spi;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import java.util.List;
import java.util.Optional;

/** Advertisers, event sources and access tokens. {@code put*} inserts or replaces by id. */
public interface Catalog extends AutoCloseable {
  void putAdvertiser(Advertiser advertiser);

  Optional<Advertiser> advertiser(String id);

  List<Advertiser> advertisers();

  void putSource(EventSource source);

  Optional<EventSource> source(String id);

  List<EventSource> sources();

  void putToken(AccessToken token);

  Optional<AccessToken> token(String id);

  Optional<AccessToken> tokenBySecretHash(String secretHash);

  List<AccessToken> tokens(String advertiserId);

  Optional<String> setting(String key);

  void putSetting(String key, String value);

  @Override
  void close();
}
