package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** SQL for editing the category tree (GB/T 39666 style codes XX0000 / XXYY00 / XXYYZZ). */
public final class CategoryStore {

  /** A category as an administrator sets it. */
  public record CategoryForm(String code, String name, String kind, int sort) {}

  public Future<JsonObject> one(SqlClient c, String code) {
    return c.preparedQuery(
            "SELECT code, name, parent_code, level, kind, sort FROM category WHERE code = $1"
                + " FOR UPDATE")
        .execute(Tuple.of(code))
        .map(rows -> rows.size() == 0 ? null : json(rows.iterator().next()));
  }

  public Future<Boolean> insert(SqlClient c, CategoryForm f, String parent, int level) {
    return c.preparedQuery(
            "INSERT INTO category (code, name, parent_code, level, kind, sort)"
                + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (code) DO NOTHING")
        .execute(Tuple.of(f.code(), f.name(), parent, (short) level, f.kind(), f.sort()))
        .map(r -> r.rowCount() == 1);
  }

  public Future<Void> update(SqlClient c, CategoryForm f) {
    return c.preparedQuery("UPDATE category SET name = $2, kind = $3, sort = $4 WHERE code = $1")
        .execute(Tuple.of(f.code(), f.name(), f.kind(), f.sort()))
        .mapEmpty();
  }

  /** What refers to a category: sub-categories, orders, routing rules. */
  public Future<List<String>> usedBy(SqlClient c, String code) {
    return c.preparedQuery(
            "SELECT (SELECT count(*) FROM category WHERE parent_code = $1) AS children,"
                + " (SELECT count(*) FROM work_order WHERE category_code = $1) AS orders,"
                + " (SELECT count(*) FROM routing_rule WHERE category_code = $1) AS rules")
        .execute(Tuple.of(code))
        .map(
            rows -> {
              Row r = rows.iterator().next();
              return List.of("children", "orders", "rules").stream()
                  .filter(k -> r.getLong(k) > 0)
                  .map(k -> k + "=" + r.getLong(k))
                  .toList();
            });
  }

  public Future<Void> delete(SqlClient c, String code) {
    return c.preparedQuery("DELETE FROM category WHERE code = $1")
        .execute(Tuple.of(code))
        .mapEmpty();
  }

  private static JsonObject json(Row r) {
    return new JsonObject()
        .put("code", r.getString("code"))
        .put("name", r.getString("name"))
        .put("parent", r.getString("parent_code"))
        .put("level", r.getInteger("level"))
        .put("kind", r.getString("kind"))
        .put("sort", r.getInteger("sort"));
  }
}
