package org.hotline.ticketing.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.hotline.ticketing.workflow.Role;

/** SQL for users, login failures and API tokens. */
public final class UserRepository {

  /** A stored user. */
  public record StoredUser(
      String username,
      String passwordHash,
      String displayName,
      Set<Role> roles,
      String unit,
      int failedLogins,
      OffsetDateTime lockedUntil,
      boolean enabled) {}

  private final Pool pool;

  public UserRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<StoredUser> find(String username) {
    return pool.preparedQuery(
            "SELECT username, password_hash, display_name, roles, unit_code, failed_logins,"
                + " locked_until, enabled FROM app_user WHERE username = $1")
        .execute(Tuple.of(username))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  /** Counts a failed login; locks the account when the failures reach the limit. */
  public Future<Void> recordFailure(String username, int limit, int lockMinutes) {
    return pool.preparedQuery(
            "UPDATE app_user SET failed_logins = failed_logins + 1,"
                + " locked_until = CASE WHEN failed_logins + 1 >= $2"
                + " THEN now() + make_interval(mins => $3) ELSE locked_until END"
                + " WHERE username = $1")
        .execute(Tuple.of(username, limit, lockMinutes))
        .mapEmpty();
  }

  public Future<Void> recordSuccess(String username) {
    return pool.preparedQuery(
            "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = $1")
        .execute(Tuple.of(username))
        .mapEmpty();
  }

  public Future<StoredUser> findByTokenHash(String tokenHash) {
    return pool.preparedQuery(
            "SELECT u.username, u.password_hash, u.display_name, u.roles, u.unit_code,"
                + " u.failed_logins, u.locked_until, u.enabled"
                + " FROM api_token t JOIN app_user u ON u.username = t.username"
                + " WHERE t.token_hash = $1")
        .execute(Tuple.of(tokenHash))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  public Future<Void> insertToken(String tokenHash, String username, String name) {
    return pool.preparedQuery(
            "INSERT INTO api_token (token_hash, username, name) VALUES ($1, $2, $3)")
        .execute(Tuple.of(tokenHash, username, name))
        .mapEmpty();
  }

  public Future<Void> audit(String username, String action, io.vertx.core.json.JsonObject detail) {
    return pool.preparedQuery(
            "INSERT INTO audit_log (username, action, detail) VALUES ($1, $2, $3)")
        .execute(Tuple.of(username, action, detail))
        .mapEmpty();
  }

  private static StoredUser map(Row r) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    Arrays.stream(r.getArrayOfStrings("roles")).map(Role::fromCode).forEach(roles::add);
    return new StoredUser(
        r.getString("username"),
        r.getString("password_hash"),
        r.getString("display_name"),
        roles,
        r.getString("unit_code"),
        r.getInteger("failed_logins"),
        r.getOffsetDateTime("locked_until"),
        r.getBoolean("enabled"));
  }
}
