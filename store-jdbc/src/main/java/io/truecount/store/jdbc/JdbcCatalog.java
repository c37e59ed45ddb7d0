package io.truecount.store.jdbc;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.spi.Catalog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Advertisers, sources, tokens and settings over SQL (the schema is the store's: SQLite or PostgreSQL). */
public class JdbcCatalog implements Catalog {
  private final Sql sql;

  public JdbcCatalog(Sql sql) {
    this.sql = sql;
  }


  @Override
  public synchronized void putAdvertiser(Advertiser a) {
    update(Sql.upsert("advertisers", "id, name, zone, currency, country", "id"), a.id(), a.name(), a.zone().getId(), a.currency(), a.country());
  }

  @Override
  public synchronized Optional<Advertiser> advertiser(String id) {
    return advertisersWhere("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized List<Advertiser> advertisers() {
    return advertisersWhere("ORDER BY id");
  }

  @Override
  public synchronized void putSource(EventSource s) {
    update(Sql.upsert("sources", "id, advertiser_id, kind, name, test_code, strict_pii, created_at", "id"),
        s.id(), s.advertiserId(), s.kind().name(), s.name(), s.testEventCode(), s.strictPii() ? 1 : 0, s.createdAt().toEpochMilli());
  }

  @Override
  public synchronized Optional<EventSource> source(String id) {
    return sourcesWhere("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized List<EventSource> sources() {
    return sourcesWhere("ORDER BY advertiser_id, id");
  }

  @Override
  public synchronized void putToken(AccessToken t) {
    update(Sql.upsert("tokens", "id, secret_hash, advertiser_id, source_id, created_at, expires_at, revoked_at, last_used_at", "id"),
        t.id(), t.secretHash(), t.advertiserId(), t.sourceId(), t.createdAt().toEpochMilli(),
        millis(t.expiresAt()), millis(t.revokedAt()), millis(t.lastUsedAt()));
  }

  @Override
  public synchronized Optional<AccessToken> token(String id) {
    return tokensWhere("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized Optional<AccessToken> tokenBySecretHash(String secretHash) {
    return tokensWhere("WHERE secret_hash = ?", secretHash).stream().findFirst();
  }

  @Override
  public synchronized List<AccessToken> tokens(String advertiserId) {
    return tokensWhere("WHERE advertiser_id = ? ORDER BY created_at, id", advertiserId);
  }

  @Override
  public synchronized Optional<String> setting(String key) {
    return query("SELECT value FROM settings WHERE key = ?", rows -> rows.getString(1), key).stream().findFirst();
  }

  @Override
  public synchronized void putSetting(String key, String value) {
    update(Sql.upsert("settings", "key, value", "key"), key, value);
  }

  @Override
  public synchronized void close() {
    sql().close();
  }

  private List<Advertiser> advertisersWhere(String where, Object... args) {
    return query("SELECT id, name, zone, currency, country FROM advertisers " + where,
        r -> new Advertiser(r.getString(1), r.getString(2), ZoneId.of(r.getString(3)), r.getString(4), r.getString(5)), args);
  }

  private List<EventSource> sourcesWhere(String where, Object... args) {
    return query("SELECT id, advertiser_id, kind, name, test_code, strict_pii, created_at FROM sources " + where,
        r -> new EventSource(r.getString(1), r.getString(2), SourceKind.valueOf(r.getString(3)), r.getString(4),
            r.getString(5), r.getInt(6) == 1, Instant.ofEpochMilli(r.getLong(7))), args);
  }

  private List<AccessToken> tokensWhere(String where, Object... args) {
    return query("SELECT id, secret_hash, advertiser_id, source_id, created_at, expires_at, revoked_at, last_used_at FROM tokens " + where,
        r -> new AccessToken(r.getString(1), r.getString(2), r.getString(3), r.getString(4), Instant.ofEpochMilli(r.getLong(5)),
            instant(r, 6), instant(r, 7), instant(r, 8)), args);
  }

  private <T> List<T> query(String sql, Sql.RowMapper<T> mapper, Object... args) {
    return sql().query(sql, mapper, args);
  }

  private void update(String sql, Object... args) {
    sql().update(sql, args);
  }

  private Sql sql() {
    return sql;
  }

  private static Long millis(Instant instant) {
    return Sql.millis(instant);
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    return Sql.instant(row, column);
  }
}
