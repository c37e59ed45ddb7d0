package io.truecount.store.jdbc;

import io.truecount.core.Role;
import io.truecount.core.StoredSession;
import io.truecount.core.User;
import io.truecount.core.spi.Accounts;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** UI users, memberships and sessions over SQL. */
public class JdbcAccounts implements Accounts {
  private final Sql sql;

  public JdbcAccounts(Sql sql) {
    this.sql = sql;
  }


  @Override
  public synchronized void put(User user) {
    sql.transaction(db -> {
      try (PreparedStatement upsert = db.prepareStatement(Sql.upsert("users", "id, login, password_hash, created_at", "id"))) {
        Sql.bind(upsert, user.id(), user.login(), user.passwordHash(), user.createdAt().toEpochMilli());
        upsert.executeUpdate();
      }
      try (PreparedStatement clear = db.prepareStatement("DELETE FROM memberships WHERE user_id = ?")) {
        Sql.bind(clear, user.id());
        clear.executeUpdate();
      }
      try (PreparedStatement add = db.prepareStatement("INSERT INTO memberships VALUES (?, ?, ?)")) {
        for (Map.Entry<String, Role> m : user.memberships().entrySet()) {
          Sql.bind(add, user.id(), m.getKey(), m.getValue().name());
          add.addBatch();
        }
        add.executeBatch();
      }
    });
  }

  @Override
  public synchronized Optional<User> user(String id) {
    return usersWhere("WHERE id = ?", id).stream().findFirst();
  }

  @Override
  public synchronized Optional<User> byLogin(String login) {
    return usersWhere("WHERE login = ?", login).stream().findFirst();
  }

  @Override
  public synchronized List<User> users() {
    return usersWhere("ORDER BY login");
  }

  private List<User> usersWhere(String where, Object... args) {
    record Row(String id, String login, String hash, Instant created) {}
    List<Row> rows = sql.query("SELECT id, login, password_hash, created_at FROM users " + where,
        r -> new Row(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4))), args);
    List<User> out = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Role> memberships = new HashMap<>();
      sql.query("SELECT advertiser_id, role FROM memberships WHERE user_id = ?", r -> memberships.put(r.getString(1), role(r.getString(2))), row.id());
      out.add(new User(row.id(), row.login(), row.hash(), memberships, row.created()));
    }
    return out;
  }

  private static Role role(String text) throws SQLException {
    try {
      return Role.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new SQLException("unknown role " + text, e);
    }
  }

  @Override
  public synchronized void putSession(StoredSession s) {
    sql.update("INSERT INTO sessions (id_hash, user_id, csrf, started_at, last_used_at) VALUES (?, ?, ?, ?, ?)",
        s.idHash(), s.userId(), s.csrf(), s.startedAt().toEpochMilli(), s.lastUsedAt().toEpochMilli());
  }

  @Override
  public synchronized Optional<StoredSession> session(String idHash) {
    return sql.query("SELECT id_hash, user_id, csrf, started_at, last_used_at FROM sessions WHERE id_hash = ?",
        r -> new StoredSession(r.getString(1), r.getString(2), r.getString(3), Instant.ofEpochMilli(r.getLong(4)), Instant.ofEpochMilli(r.getLong(5))),
        idHash).stream().findFirst();
  }

  @Override
  public synchronized void touchSession(String idHash, Instant lastUsedAt) {
    sql.update("UPDATE sessions SET last_used_at = ? WHERE id_hash = ? AND last_used_at < ?", lastUsedAt.toEpochMilli(), idHash, lastUsedAt.toEpochMilli());
  }

  @Override
  public synchronized void deleteSession(String idHash) {
    sql.update("DELETE FROM sessions WHERE id_hash = ?", idHash);
  }

  @Override
  public synchronized void deleteSessionsOf(String userId) {
    sql.update("DELETE FROM sessions WHERE user_id = ?", userId);
  }

  @Override
  public synchronized int deleteExpiredSessions(Instant idleBefore, Instant startedBefore) {
    return sql.update("DELETE FROM sessions WHERE last_used_at < ? OR started_at < ?", idleBefore.toEpochMilli(), startedBefore.toEpochMilli());
  }

  @Override
  public synchronized void close() {
    sql.close();
  }
}
