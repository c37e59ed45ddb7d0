package io.truecount.store;

import io.truecount.core.AccessToken;
import io.truecount.core.Advertiser;
import io.truecount.core.EventSource;
import io.truecount.core.SourceKind;
import io.truecount.core.spi.Catalog;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Advertisers, sources, tokens and settings in their own SQLite file (small, rarely written). */
public final class SqliteCatalog implements Catalog {
  private final Connection db;

  public SqliteCatalog(Path file) {
    this.db = Sqlite.open(file);
    Sqlite.execute(db,
        "CREATE TABLE IF NOT EXISTS advertisers (id TEXT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL, currency TEXT NOT NULL, country TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), kind TEXT NOT NULL, name TEXT NOT NULL, test_code TEXT NOT NULL, strict_pii INTEGER NOT NULL, created_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS tokens (id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL UNIQUE, advertiser_id TEXT NOT NULL REFERENCES advertisers(id), source_id TEXT, created_at INTEGER NOT NULL, expires_at INTEGER, revoked_at INTEGER, last_used_at INTEGER)",
        "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  }

  @Override
  public synchronized void putAdvertiser(Advertiser a) {
    update("INSERT OR REPLACE INTO advertisers VALUES (?, ?, ?, ?, ?)", a.id(), a.name(), a.zone().getId(), a.currency(), a.country());
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
    update("INSERT OR REPLACE INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
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
    update("INSERT OR REPLACE INTO tokens VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
    update("INSERT OR REPLACE INTO settings VALUES (?, ?)", key, value);
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
    return new Sql(db, "catalog");
  }

  private static Long millis(Instant instant) {
    return Sql.millis(instant);
  }

  private static Instant instant(ResultSet row, int column) throws SQLException {
    return Sql.instant(row, column);
  }
}
