package org.hotline.ticketing.reference;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the reference data every installation needs (the category tree) on first start. The
 * calendar, deadline rules and settings come with the migrations.
 */
public final class ReferenceSeeder {

  private static final Logger LOG = LoggerFactory.getLogger(ReferenceSeeder.class);

  private final Pool pool;

  public ReferenceSeeder(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> seed() {
    return pool.query("SELECT count(*) AS n FROM category")
        .execute()
        .compose(
            rows -> {
              if (rows.iterator().next().getLong("n") > 0) {
                return Future.succeededFuture();
              }
              JsonArray tree = new JsonArray(resource("/reference/categories.json"));
              List<Tuple> batch = new ArrayList<>();
              flatten(tree, null, 1, batch);
              LOG.info("loading {} categories", batch.size());
              return pool.preparedQuery(
                      "INSERT INTO category (code, name, parent_code, level, kind, sort)"
                          + " VALUES ($1, $2, $3, $4, $5, $6)")
                  .executeBatch(batch)
                  .mapEmpty();
            });
  }

  private static void flatten(JsonArray nodes, String parent, int level, List<Tuple> out) {
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject n = nodes.getJsonObject(i);
      out.add(
          Tuple.of(
              n.getString("code"),
              n.getString("name"),
              parent,
              (short) level,
              n.getString("kind"),
              out.size()));
      JsonArray children = n.getJsonArray("children");
      if (children != null) {
        flatten(children, n.getString("code"), level + 1, out);
      }
    }
  }

  /** Reads a classpath resource as UTF-8 text; a missing one is a packaging error. */
  public static String resource(String path) {
    try (InputStream in = ReferenceSeeder.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
