package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * SQL for administering users. The images it returns never carry the password hash: they are shown
 * to administrators and written to the audit log.
 */
public final class UserStore {

  private static final String COLUMNS =
      "username, display_name, roles, unit_code, enabled, failed_logins, locked_until, created_at";

  /** A user as an administrator sets it. */
  public record UserForm(
      String username, String displayName, List<String> roles, String unit, boolean enabled) {}

  public Future<JsonArray> all(SqlClient c) {
    return c.query("SELECT " + COLUMNS + " FROM app_user ORDER BY username")
        .execute()
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(r -> out.add(json(r)));
              return out;
            });
  }

  public Future<JsonObject> one(SqlClient c, String username) {
    return c.preparedQuery("SELECT " + COLUMNS + " FROM app_user WHERE username = $1 FOR UPDATE")
        .execute(Tuple.of(username))
        .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  public Future<Boolean> insert(SqlClient c, UserForm u, String passwordHash) {
    return c.preparedQuery(
            "INSERT INTO app_user (username, password_hash, display_name, roles, unit_code, enabled)"
                + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING")
        .execute(
            Tuple.tuple()
                .addString(u.username())
                .addString(passwordHash)
                .addString(u.displayName())
                .addArrayOfString(u.roles().toArray(new String[0]))
                .addString(u.unit())
                .addBoolean(u.enabled()))
        .map(r -> r.rowCount() == 1);
  }

  public Future<Void> update(SqlClient c, UserForm u) {
    return c.preparedQuery(
            "UPDATE app_user SET display_name = $2, roles = $3, unit_code = $4, enabled = $5"
                + " WHERE username = $1")
        .execute(
            Tuple.tuple()
                .addString(u.username())
                .addString(u.displayName())
                .addArrayOfString(u.roles().toArray(new String[0]))
                .addString(u.unit())
                .addBoolean(u.enabled()))
        .mapEmpty();
  }

  /** A new password also lifts a lock-out: the user was just given a way in. */
  public Future<Void> setPassword(SqlClient c, String username, String passwordHash) {
    return c.preparedQuery(
            "UPDATE app_user SET password_hash = $2, failed_logins = 0, locked_until = NULL"
                + " WHERE username = $1")
        .execute(Tuple.of(username, passwordHash))
        .mapEmpty();
  }

  public Future<Void> unlock(SqlClient c, String username) {
    return c.preparedQuery(
            "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = $1")
        .execute(Tuple.of(username))
        .mapEmpty();
  }

  public Future<Boolean> unitExists(SqlClient c, String unit) {
    return c.preparedQuery("SELECT 1 FROM unit WHERE code = $1")
        .execute(Tuple.of(unit))
        .map(rows -> rows.size() > 0);
  }

  private static JsonObject json(Row r) {
    OffsetDateTime locked = r.getOffsetDateTime("locked_until");
    return new JsonObject()
        .put("username", r.getString("username"))
        .put("displayName", r.getString("display_name"))
        .put("roles", new JsonArray(List.of(r.getArrayOfStrings("roles"))))
        .put("unit", r.getString("unit_code"))
        .put("enabled", r.getBoolean("enabled"))
        .put("failedLogins", r.getInteger("failed_logins"))
        .put("lockedUntil", locked == null ? null : locked.toString())
        .put("locked", locked != null && locked.isAfter(OffsetDateTime.now()))
        .put("createdAt", r.getOffsetDateTime("created_at").toString());
  }
}
