package org.hotline.ticketing.unit;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.db.Db;

/** SQL for member units. */
public final class UnitRepository {

  private final Pool pool;

  public UnitRepository(Pool pool) {
    this.pool = pool;
  }

  public Future<UnitTree> loadTree() {
    return pool.query("SELECT code, name, parent_code, type, area_keywords FROM unit ORDER BY code")
        .execute()
        .map(
            rows -> {
              List<UnitTree.Unit> units = new ArrayList<>();
              for (Row r : rows) {
                units.add(
                    new UnitTree.Unit(
                        r.getString("code"),
                        r.getString("name"),
                        r.getString("parent_code"),
                        r.getString("type"),
                        Db.strings(r, "area_keywords")));
              }
              return new UnitTree(units);
            });
  }
}
