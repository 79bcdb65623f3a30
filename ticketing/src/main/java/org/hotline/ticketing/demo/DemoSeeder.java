package org.hotline.ticketing.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.ticketing.auth.PasswordHasher;
import org.hotline.ticketing.reference.ReferenceSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo city on first start: ≈30 member units with contacts, the routing table, the demo
 * logins (password demo12345) and, through {@link DemoOrders}, ≈200 historical orders.
 */
public final class DemoSeeder {

  public static final String DEMO_PASSWORD = "demo12345";
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);

  /** The centre's demo staff: username and roles. */
  static final Map<String, String[]> STAFF =
      Map.of(
          "agent1", new String[] {"agent"},
          "dispatcher1", new String[] {"dispatcher"},
          "reviewer1", new String[] {"reviewer"},
          "supervisor1", new String[] {"supervisor"},
          "kbeditor1", new String[] {"kb_editor"});

  private final Vertx vertx;
  private final Pool pool;
  private final PasswordHasher hasher;

  public DemoSeeder(Vertx vertx, Pool pool, PasswordHasher hasher) {
    this.vertx = vertx;
    this.pool = pool;
    this.hasher = hasher;
  }

  /** True when this database has no units yet: the demo city has never been loaded. */
  public Future<Boolean> needed() {
    return pool.query("SELECT count(*) AS n FROM unit")
        .execute()
        .map(rows -> rows.iterator().next().getLong("n") == 0);
  }

  public Future<Void> seedUnitsRoutingAndUsers() {
    JsonArray units = new JsonArray(ReferenceSeeder.resource("/demo/units.json"));
    JsonArray routing = new JsonArray(ReferenceSeeder.resource("/demo/routing.json"));
    return vertx
        .executeBlocking(() -> hasher.hash(DEMO_PASSWORD))
        .compose(
            hash ->
                pool.withTransaction(
                    tx -> {
                      List<Tuple> unitRows = new ArrayList<>();
                      List<Tuple> contactRows = new ArrayList<>();
                      List<Tuple> userRows = new ArrayList<>();
                      for (JsonObject u : parentsFirst(units)) {
                        String code = u.getString("code");
                        unitRows.add(
                            Tuple.tuple()
                                .addString(code)
                                .addString(u.getString("name"))
                                .addString(u.getString("parent"))
                                .addString(u.getString("type"))
                                .addArrayOfString(strings(u.getJsonArray("areaKeywords"))));
                        JsonArray contacts = u.getJsonArray("contacts", new JsonArray());
                        for (int i = 0; i < contacts.size(); i++) {
                          JsonObject c = contacts.getJsonObject(i);
                          contactRows.add(
                              Tuple.of(code, c.getString("name"), c.getString("mobile")));
                        }
                        userRows.add(
                            user("u-" + code, hash, u.getString("name") + "承办人", "handler", code));
                        userRows.add(
                            user("l-" + code, hash, u.getString("name") + "负责人", "leader", code));
                      }
                      STAFF.forEach(
                          (name, roles) ->
                              userRows.add(user(name, hash, name, String.join(",", roles), null)));
                      List<Tuple> ruleRows = new ArrayList<>();
                      Map<String, Integer> perCategory = new HashMap<>();
                      for (int i = 0; i < routing.size(); i++) {
                        JsonObject r = routing.getJsonObject(i);
                        int priority =
                            perCategory.merge(r.getString("categoryCode"), 1, Integer::sum);
                        ruleRows.add(
                            Tuple.of(
                                r.getString("categoryCode"),
                                r.getString("unit"),
                                r.getString("scope"),
                                r.getString("fallback"),
                                r.getString("note"),
                                priority));
                      }
                      LOG.info(
                          "loading demo city: {} units, {} routing rules, {} users",
                          unitRows.size(),
                          ruleRows.size(),
                          userRows.size());
                      return tx.preparedQuery(
                              "INSERT INTO unit (code, name, parent_code, type, area_keywords) VALUES ($1, $2, $3, $4, $5)")
                          .executeBatch(unitRows)
                          .compose(
                              v ->
                                  contactRows.isEmpty()
                                      ? Future.succeededFuture()
                                      : tx.preparedQuery(
                                              "INSERT INTO unit_contact (unit_code, name, mobile) VALUES ($1, $2, $3)")
                                          .executeBatch(contactRows))
                          .compose(
                              v ->
                                  tx.preparedQuery(
                                          "INSERT INTO routing_rule (category_code, unit, scope, fallback, note, priority)"
                                              + " VALUES ($1, $2, $3, $4, $5, $6)")
                                      .executeBatch(ruleRows))
                          .compose(
                              v ->
                                  tx.preparedQuery(
                                          "INSERT INTO app_user (username, password_hash, display_name, roles, unit_code)"
                                              + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING")
                                      .executeBatch(userRows))
                          .mapEmpty();
                    }));
  }

  private static Tuple user(
      String username, String hash, String display, String roles, String unit) {
    return Tuple.tuple()
        .addString(username)
        .addString(hash)
        .addString(display)
        .addArrayOfString(roles.split(","))
        .addString(unit);
  }

  private static String[] strings(JsonArray a) {
    if (a == null) {
      return new String[0];
    }
    String[] out = new String[a.size()];
    for (int i = 0; i < a.size(); i++) {
      out[i] = a.getString(i);
    }
    return out;
  }

  /** Units sorted so that every parent is inserted before its children. */
  private static List<JsonObject> parentsFirst(JsonArray units) {
    Map<String, JsonObject> byCode = new HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      byCode.put(units.getJsonObject(i).getString("code"), units.getJsonObject(i));
    }
    List<JsonObject> list = new ArrayList<>(byCode.values());
    list.sort(
        Comparator.comparingInt((JsonObject u) -> depth(u, byCode))
            .thenComparing(u -> u.getString("code")));
    return list;
  }

  private static int depth(JsonObject u, Map<String, JsonObject> byCode) {
    int d = 0;
    for (String p = u.getString("parent"); p != null && d < 16; d++) {
      JsonObject parent = byCode.get(p);
      p = parent == null ? null : parent.getString("parent");
    }
    return d;
  }
}
