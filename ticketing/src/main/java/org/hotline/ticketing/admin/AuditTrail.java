package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hotline.ticketing.workflow.Actor;

/**
 * Administrative changes with their audit row: the before image is read, the change applied and the
 * row {@code admin:<what>} with {@code {target, before, after}} written in one transaction, so an
 * audited change cannot happen without its trace (nor a trace without the change). Reference data
 * cached in memory is reloaded after the commit.
 */
public final class AuditTrail {

  /** Reads an image of the thing changed (null when it does not exist) inside the transaction. */
  public interface Image extends Function<SqlConnection, Future<JsonObject>> {}

  private final Pool pool;
  private final Supplier<Future<Void>> reload;

  public AuditTrail(Pool pool, Supplier<Future<Void>> reload) {
    this.pool = pool;
    this.reload = reload;
  }

  /** Writes one audit row on {@code client} (a transaction or the pool). */
  public static Future<Void> write(
      SqlClient client, String username, String action, JsonObject detail) {
    return client
        .preparedQuery("INSERT INTO audit_log (username, action, detail) VALUES ($1, $2, $3)")
        .execute(Tuple.of(username, action, detail))
        .mapEmpty();
  }

  /**
   * One audited change: {@code before} and {@code apply} run in the same transaction; {@code apply}
   * answers the after image, which is also what the caller gets back.
   */
  public Future<JsonObject> change(
      Actor actor, String what, String target, Image before, Image apply, boolean reloadReference) {
    return pool.withTransaction(
            tx ->
                before
                    .apply(tx)
                    .compose(
                        old ->
                            apply
                                .apply(tx)
                                .compose(
                                    after ->
                                        write(
                                                tx,
                                                actor.username(),
                                                "admin:" + what,
                                                new JsonObject()
                                                    .put("target", target)
                                                    .put("before", old)
                                                    .put("after", after))
                                            .map(after))))
        .compose(
            after -> reloadReference ? reload.get().map(after) : Future.succeededFuture(after));
  }

  /** The pool, for reads outside a change. */
  public Pool pool() {
    return pool;
  }
}
