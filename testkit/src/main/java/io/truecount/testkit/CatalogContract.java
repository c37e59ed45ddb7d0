package io.truecount.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.spi.Catalog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link Catalog} adapter must do. */
public abstract class CatalogContract {
  @TempDir protected Path dir;

  protected abstract Catalog open(Path dir);

  private static final Instant T = Instant.parse("2026-10-25T03:00:00Z");
  private static final Advertiser ADV = new Advertiser("7001", "Loja", ZoneId.of("America/Sao_Paulo"), "BRL", "BR");

  @Test
  void stores_and_replaces_advertisers_and_sources() {
    try (Catalog catalog = open(dir)) {
      catalog.putAdvertiser(ADV);
      EventSource pixel = new EventSource("CABCDEFGHIJ0123456789", "7001", SourceKind.WEB, "site", "TEST12345", false, T);
      catalog.putSource(pixel);
      catalog.putSource(pixel.withStrictPii(true));
      assertThat(catalog.advertiser("7001")).contains(ADV);
      assertThat(catalog.advertisers()).containsExactly(ADV);
      assertThat(catalog.source(pixel.id())).contains(pixel.withStrictPii(true));
      assertThat(catalog.sources()).hasSize(1);
      assertThat(catalog.source("nope")).isEmpty();
    }
  }

  @Test
  void finds_tokens_by_secret_hash_and_keeps_their_lifecycle() {
    try (Catalog catalog = open(dir)) {
      catalog.putAdvertiser(ADV);
      AccessToken token = new AccessToken("tok1", "a".repeat(64), "7001", null, T, null, null, null);
      catalog.putToken(token);
      catalog.putToken(token.usedAt(T.plusSeconds(5)).expiringAt(T.plusSeconds(3600)));
      AccessToken stored = catalog.tokenBySecretHash("a".repeat(64)).orElseThrow();
      assertThat(stored.lastUse()).contains(T.plusSeconds(5));
      assertThat(stored.expiry()).contains(T.plusSeconds(3600));
      assertThat(stored.source()).isEmpty();
      catalog.putToken(stored.revokedAt(T.plusSeconds(10)));
      assertThat(catalog.token("tok1").orElseThrow().usableAt(T.plusSeconds(11))).isFalse();
      assertThat(catalog.tokens("7001")).hasSize(1);
    }
  }

  @Test
  void keeps_settings() {
    try (Catalog catalog = open(dir)) {
      assertThat(catalog.setting("admin")).isEmpty();
      catalog.putSetting("admin", "x");
      catalog.putSetting("admin", "y");
      assertThat(catalog.setting("admin")).contains("y");
    }
  }
}
