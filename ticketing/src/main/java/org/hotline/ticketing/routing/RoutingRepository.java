package org.hotline.ticketing.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;

/** SQL for the routing table. */
public final class RoutingRepository {

  private final Pool pool;

  public RoutingRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<List<RoutingRule>> all() {
    return pool.query(
            "SELECT category_code, unit, scope, fallback, note, priority FROM routing_rule"
                + " ORDER BY category_code, priority, id")
        .execute()
        .map(
            rows -> {
              List<RoutingRule> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new RoutingRule(
                        r.getString("category_code"),
                        r.getString("unit"),
                        r.getString("scope"),
                        r.getString("fallback"),
                        r.getString("note"),
                        r.getInteger("priority")));
              }
              return out;
            });
  }
}
