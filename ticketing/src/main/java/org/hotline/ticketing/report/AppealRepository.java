package org.hotline.ticketing.report;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Appeals (申诉) and their audit trail. Filing, approving and rejecting each change the appeal and
 * append an {@code appeal_event} (who, when, state before and after) in one transaction. An
 * approved appeal takes the order out of that unit's evaluation ({@link EvaluationQuery}).
 */
public final class AppealRepository {

  static final String COLUMNS =
      "a.id, a.order_id, o.number AS order_number, a.unit_code, u.name AS unit_name, a.reason,"
          + " a.state, a.filed_by, a.filed_at, a.decided_by, a.decided_at, a.decision_note"
          + " FROM appeal a JOIN work_order o ON o.id = a.order_id"
          + " LEFT JOIN unit u ON u.code = a.unit_code";

  private final Pool pool;

  public AppealRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Files an appeal of {@code unit} on an order that was dispatched to it at some time (else 404: a
   * unit appeals only what it was given).
   */
  public Future<JsonObject> file(String actor, long orderId, String unit, String reason) {
    return pool.withTransaction(
            tx ->
                tx.preparedQuery(
                        "SELECT 1 FROM order_event WHERE order_id = $1 AND action = 'dispatch'"
                            + " AND payload->>'unit' = $2 LIMIT 1")
                    .execute(Tuple.of(orderId, unit))
                    .compose(
                        rows -> {
                          if (rows.size() == 0) {
                            return Future.<Long>failedFuture(
                                WorkflowException.notFound(
                                    "no order " + orderId + " was dispatched to unit " + unit));
                          }
                          return tx.preparedQuery(
                                  "INSERT INTO appeal (order_id, unit_code, reason, filed_by)"
                                      + " VALUES ($1, $2, $3, $4) RETURNING id")
                              .execute(Tuple.of(orderId, unit, reason, actor))
                              .map(r -> r.iterator().next().getLong("id"));
                        })
                    .compose(
                        id ->
                            audit(tx, id, "file", actor, null, "pending", reason)
                                .compose(v -> byId(tx, id))))
        .recover(
            e ->
                e instanceof PgException pg && "23505".equals(pg.getSqlState())
                    ? Future.failedFuture(
                        WorkflowException.illegal(
                            "an appeal of unit "
                                + unit
                                + " on this order is already pending or approved"))
                    : Future.failedFuture(e));
  }

  /** Approves or rejects a pending appeal; 404 when there is none, 409 when already decided. */
  public Future<JsonObject> decide(String actor, long id, boolean approve, String note) {
    String to = approve ? "approved" : "rejected";
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(
                    "UPDATE appeal SET state = $2, decided_by = $3, decided_at = now(),"
                        + " decision_note = $4 WHERE id = $1 AND state = 'pending' RETURNING id")
                .execute(Tuple.of(id, to, actor, note))
                .compose(
                    rows -> {
                      if (rows.size() == 1) {
                        return audit(
                                tx, id, approve ? "approve" : "reject", actor, "pending", to, note)
                            .compose(v -> byId(tx, id));
                      }
                      return byId(tx, id)
                          .compose(
                              found ->
                                  Future.failedFuture(
                                      found == null
                                          ? WorkflowException.notFound("no appeal " + id)
                                          : WorkflowException.illegal(
                                              "appeal "
                                                  + id
                                                  + " is already "
                                                  + found.getString("state"))));
                    }));
  }

  /** One appeal with its audit trail, or null. */
  public Future<JsonObject> get(long id) {
    return pool.withConnection(
        c ->
            byId(c, id)
                .compose(
                    appeal ->
                        appeal == null
                            ? Future.succeededFuture(null)
                            : c.preparedQuery(
                                    "SELECT action, actor, at, from_state, to_state, note"
                                        + " FROM appeal_event WHERE appeal_id = $1 ORDER BY id")
                                .execute(Tuple.of(id))
                                .map(
                                    rows -> {
                                      JsonArray events = new JsonArray();
                                      for (Row r : rows) {
                                        events.add(
                                            new JsonObject()
                                                .put("action", r.getString("action"))
                                                .put("actor", r.getString("actor"))
                                                .put("at", r.getOffsetDateTime("at").toString())
                                                .put("fromState", r.getString("from_state"))
                                                .put("toState", r.getString("to_state"))
                                                .put("note", r.getString("note")));
                                      }
                                      return appeal.put("events", events);
                                    })));
  }

  /** Appeals, newest first, optionally of one state and of some units only (null: all units). */
  public Future<ReportTable> list(String state, Set<String> units, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + COLUMNS
                + " WHERE ($1::text IS NULL OR a.state = $1)"
                + " AND ($2::text[] IS NULL OR a.unit_code = ANY ($2))"
                + " ORDER BY a.filed_at DESC, a.id DESC LIMIT $3")
        .execute(
            Tuple.tuple()
                .addString(state)
                .addArrayOfString(units == null ? null : units.toArray(String[]::new))
                .addInteger(limit))
        .map(
            rows -> {
              ReportTable.Builder t =
                  ReportTable.builder("appeals", "考核申诉 Appeals")
                      .col("id", "编号 Id")
                      .col("orderId", "工单ID Order id")
                      .col("orderNumber", "工单号 Order")
                      .col("unit", "单位 Unit")
                      .col("unitName", "单位名称 Unit name")
                      .col("reason", "申诉理由 Reason")
                      .col("state", "状态 State")
                      .col("filedBy", "申诉人 Filed by")
                      .col("filedAt", "申诉时间 Filed at")
                      .col("decidedBy", "审核人 Decided by")
                      .col("decidedAt", "审核时间 Decided at")
                      .col("decisionNote", "审核意见 Decision note");
              rows.forEach(r -> t.row(row(r)));
              return t.build();
            });
  }

  private static Future<JsonObject> byId(SqlConnection c, long id) {
    return c.preparedQuery("SELECT " + COLUMNS + " WHERE a.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : new JsonObject(row(rows.iterator().next())));
  }

  private static Future<Void> audit(
      SqlConnection tx, long id, String action, String actor, String from, String to, String note) {
    return tx.preparedQuery(
            "INSERT INTO appeal_event (appeal_id, action, actor, from_state, to_state, note)"
                + " VALUES ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(id, action, actor, from, to, note))
        .mapEmpty();
  }

  private static Map<String, Object> row(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.getLong("id"));
    m.put("orderId", r.getLong("order_id"));
    m.put("orderNumber", r.getString("order_number"));
    m.put("unit", r.getString("unit_code"));
    m.put("unitName", r.getString("unit_name"));
    m.put("reason", r.getString("reason"));
    m.put("state", r.getString("state"));
    m.put("filedBy", r.getString("filed_by"));
    m.put("filedAt", r.getOffsetDateTime("filed_at").toString());
    m.put("decidedBy", r.getString("decided_by"));
    m.put(
        "decidedAt",
        r.getOffsetDateTime("decided_at") == null
            ? null
            : r.getOffsetDateTime("decided_at").toString());
    m.put("decisionNote", r.getString("decision_note"));
    return m;
  }
}
