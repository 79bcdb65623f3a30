package org.hotline.ticketing.category;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** SQL for the category tree (GB/T 39666 style). */
public final class CategoryRepository {

  private final Pool pool;

  public CategoryRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * The tree as JSON: top classes, each {code, name, kind?, children: [...]} down to the leaves.
   */
  public Future<JsonArray> tree() {
    return pool.query("SELECT code, name, parent_code, kind FROM category ORDER BY sort, code")
        .execute()
        .map(
            rows -> {
              Map<String, JsonObject> nodes = new LinkedHashMap<>();
              Map<String, String> parents = new HashMap<>();
              for (Row r : rows) {
                JsonObject n =
                    new JsonObject()
                        .put("code", r.getString("code"))
                        .put("name", r.getString("name"))
                        .put("children", new JsonArray());
                if (r.getString("kind") != null) {
                  n.put("kind", r.getString("kind"));
                }
                nodes.put(r.getString("code"), n);
                parents.put(r.getString("code"), r.getString("parent_code"));
              }
              JsonArray top = new JsonArray();
              nodes.forEach(
                  (code, node) -> {
                    String parent = parents.get(code);
                    if (parent == null || !nodes.containsKey(parent)) {
                      top.add(node);
                    } else {
                      nodes.get(parent).getJsonArray("children").add(node);
                    }
                  });
              return top;
            });
  }

  /** Leaf classes, code to name: the codes an order may carry. */
  public Future<Map<String, String>> leaves() {
    return pool.query(
            "SELECT c.code, c.name FROM category c"
                + " WHERE NOT EXISTS (SELECT 1 FROM category k WHERE k.parent_code = c.code)")
        .execute()
        .map(
            rows -> {
              Map<String, String> m = new HashMap<>();
              rows.forEach(r -> m.put(r.getString("code"), r.getString("name")));
              return m;
            });
  }

  /** Category kinds (component / event) of the leaves, for routing. */
  public Future<Map<String, String>> kinds() {
    return pool.query("SELECT code, kind FROM category WHERE kind IS NOT NULL")
        .execute()
        .map(
            rows -> {
              Map<String, String> m = new HashMap<>();
              rows.forEach(r -> m.put(r.getString("code"), r.getString("kind")));
              return m;
            });
  }
}
