package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for editing member units (成员单位) and their SMS contacts. */
public final class UnitStore {

  /** A unit as an administrator edits it. */
  public record UnitForm(
      String code, String name, String parent, String type, List<String> areaKeywords) {}

  /** A contact who receives the unit's SMS notices. */
  public record Contact(String name, String mobile) {}

  /** Every unit with its contacts and how many users and open orders it has. */
  public Future<JsonArray> all(SqlClient c) {
    return c.query(
            "SELECT u.code, u.name, u.parent_code, u.type, u.area_keywords,"
                + " (SELECT count(*) FROM app_user a WHERE a.unit_code = u.code) AS users,"
                + " coalesce((SELECT json_agg(json_build_object('id', k.id, 'name', k.name,"
                + " 'mobile', k.mobile) ORDER BY k.id) FROM unit_contact k"
                + " WHERE k.unit_code = u.code), '[]'::json) AS contacts"
                + " FROM unit u ORDER BY u.code")
        .execute()
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              rows.forEach(r -> out.add(json(r).put("users", r.getLong("users"))));
              return out;
            });
  }

  /** One unit with its contacts, or null. */
  public Future<JsonObject> one(SqlClient c, String code) {
    return c.preparedQuery(
            "SELECT u.code, u.name, u.parent_code, u.type, u.area_keywords,"
                + " coalesce((SELECT json_agg(json_build_object('id', k.id, 'name', k.name,"
                + " 'mobile', k.mobile) ORDER BY k.id) FROM unit_contact k"
                + " WHERE k.unit_code = u.code), '[]'::json) AS contacts"
                + " FROM unit u WHERE u.code = $1 FOR UPDATE OF u")
        .execute(Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  /** Parent links of all units, for the cycle check of a move. */
  public Future<Map<String, String>> parents(SqlClient c) {
    return c.query("SELECT code, parent_code FROM unit")
        .execute()
        .map(
            rows -> {
              Map<String, String> m = new LinkedHashMap<>();
              rows.forEach(r -> m.put(r.getString("code"), r.getString("parent_code")));
              return m;
            });
  }

  public Future<Boolean> insert(SqlClient c, UnitForm u) {
    return c.preparedQuery(
            "INSERT INTO unit (code, name, parent_code, type, area_keywords)"
                + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING")
        .execute(tuple(u))
        .map(r -> r.rowCount() == 1);
  }

  public Future<Boolean> update(SqlClient c, UnitForm u) {
    return c.preparedQuery(
            "UPDATE unit SET name = $2, parent_code = $3, type = $4, area_keywords = $5"
                + " WHERE code = $1")
        .execute(tuple(u))
        .map(r -> r.rowCount() == 1);
  }

  /** Replaces the contact list of a unit. */
  public Future<Void> replaceContacts(SqlClient c, String code, List<Contact> contacts) {
    return c.preparedQuery("DELETE FROM unit_contact WHERE unit_code = $1")
        .execute(Tuple.of(code))
        .compose(
            v ->
                contacts.isEmpty()
                    ? Future.succeededFuture()
                    : c.preparedQuery(
                            "INSERT INTO unit_contact (unit_code, name, mobile) VALUES ($1, $2, $3)")
                        .executeBatch(
                            contacts.stream()
                                .map(k -> Tuple.of(code, k.name(), k.mobile()))
                                .toList())
                        .mapEmpty());
  }

  /**
   * What still refers to a unit (child units, users, orders, routing rules); a unit is deleted only
   * when nothing does, so that no order loses its history.
   */
  public Future<List<String>> usedBy(SqlClient c, String code) {
    return c.preparedQuery(
            "SELECT (SELECT count(*) FROM unit WHERE parent_code = $1) AS children,"
                + " (SELECT count(*) FROM app_user WHERE unit_code = $1) AS users,"
                + " (SELECT count(*) FROM work_order WHERE lead_unit = $1 OR handling_unit = $1"
                + "   OR $1 = ANY (co_units)) AS orders,"
                + " (SELECT count(*) FROM routing_rule WHERE unit = $1 OR fallback = $1) AS rules")
        .execute(Tuple.of(code))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return List.of("children", "users", "orders", "rules").stream()
                  .filter(k -> r.getLong(k) > 0)
                  .map(k -> k + "=" + r.getLong(k))
                  .toList();
            });
  }

  public Future<Void> delete(SqlClient c, String code) {
    return c.preparedQuery("DELETE FROM unit WHERE code = $1").execute(Tuple.of(code)).mapEmpty();
  }

  private static Tuple tuple(UnitForm u) {
    return Tuple.tuple()
        .addString(u.code())
        .addString(u.name())
        .addString(u.parent())
        .addString(u.type())
        .addArrayOfString(u.areaKeywords().toArray(new String[0]));
  }

  private static JsonObject json(Row r) {
    Object contacts = r.getValue("contacts");
    return new JsonObject()
        .put("code", r.getString("code"))
        .put("name", r.getString("name"))
        .put("parent", r.getString("parent_code"))
        .put("type", r.getString("type"))
        .put("areaKeywords", new JsonArray(org.hotline.ticketing.db.Db.strings(r, "area_keywords")))
        .put(
            "contacts",
            contacts instanceof JsonArray a ? a : new JsonArray(String.valueOf(contacts)));
  }
}
