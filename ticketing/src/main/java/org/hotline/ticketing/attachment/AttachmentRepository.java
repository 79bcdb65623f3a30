package org.hotline.ticketing.attachment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.workflow.Transition;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * SQL for attachments. Unit scoping is part of every query that finds an order or an attachment:
 * {@code units} non-null limits the result to orders whose lead, handling or co-unit is one of
 * them, so another unit's attachment is simply not found.
 */
public final class AttachmentRepository {

  private static final String COLUMNS =
      "a.id, a.order_id, a.original_name, a.content_type, a.size_bytes, a.sha256, a.stored_name,"
          + " a.uploaded_by, a.uploader_unit, a.uploaded_at";

  private static final String VISIBLE =
      " ($2::text[] IS NULL OR o.lead_unit = ANY($2) OR o.handling_unit = ANY($2)"
          + " OR o.co_units && $2)";

  /** The order an attachment goes with, as far as the checks need it. */
  public record OrderRef(long id, String number, String state, String holdingUnit, long count) {}

  /** The order if the scope sees it (null otherwise); {@code lock} takes its row lock. */
  public Future<OrderRef> order(SqlClient c, long orderId, Set<String> units, boolean lock) {
    return c.preparedQuery(
            "SELECT o.id, o.number, o.state, coalesce(o.handling_unit, o.lead_unit) AS holding,"
                + " (SELECT count(*) FROM attachment a WHERE a.order_id = o.id) AS n"
                + " FROM work_order o WHERE o.id = $1 AND"
                + VISIBLE
                + (lock ? " FOR UPDATE OF o" : ""))
        .execute(Tuple.tuple().addLong(orderId).addArrayOfString(array(units)))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return null;
              }
              Row r = rows.iterator().next();
              return new OrderRef(
                  r.getLong("id"),
                  r.getString("number"),
                  r.getString("state"),
                  r.getString("holding"),
                  r.getLong("n"));
            });
  }

  public Future<List<Attachment>> list(SqlClient c, long orderId, Set<String> units) {
    return c.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM attachment a JOIN work_order o ON o.id = a.order_id"
                + " WHERE a.order_id = $1 AND"
                + VISIBLE
                + " ORDER BY a.id")
        .execute(Tuple.tuple().addLong(orderId).addArrayOfString(array(units)))
        .map(AttachmentRepository::all);
  }

  /** One attachment if the scope sees its order, else null. */
  public Future<Attachment> find(SqlClient c, long id, Set<String> units) {
    return c.preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM attachment a JOIN work_order o ON o.id = a.order_id"
                + " WHERE a.id = $1 AND"
                + VISIBLE)
        .execute(Tuple.tuple().addLong(id).addArrayOfString(array(units)))
        .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
  }

  /** A new row per stored file, and their summaries appended to the order's attachment list. */
  public Future<List<Attachment>> insert(
      SqlConnection tx,
      long orderId,
      List<NewAttachment> files,
      String uploadedBy,
      String uploaderUnit,
      ZonedDateTime now) {
    List<Tuple> rows = new ArrayList<>();
    for (NewAttachment f : files) {
      rows.add(
          Tuple.tuple()
              .addLong(orderId)
              .addString(f.name())
              .addString(f.contentType())
              .addLong(f.stored().size())
              .addString(f.stored().sha256())
              .addString(f.stored().storedName())
              .addString(uploadedBy)
              .addString(uploaderUnit)
              .addOffsetDateTime(now.toOffsetDateTime()));
    }
    return tx.preparedQuery(
            "INSERT INTO attachment AS a (order_id, original_name, content_type, size_bytes, sha256,"
                + " stored_name, uploaded_by, uploader_unit, uploaded_at)"
                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING "
                + COLUMNS)
        .executeBatch(rows)
        .compose(
            result -> {
              List<Attachment> out = new ArrayList<>();
              for (var rs = result; rs != null; rs = rs.next()) {
                out.addAll(all(rs));
              }
              JsonArray summaries = new JsonArray();
              out.forEach(a -> summaries.add(a.summary()));
              return tx.preparedQuery(
                      "UPDATE work_order SET attachments = attachments || $2::jsonb WHERE id = $1")
                  .execute(Tuple.of(orderId, summaries))
                  .map(out);
            });
  }

  /**
   * A reply that cites attachments: they must be this order's, and the history records them.
   * Returns the transition with {@code attachments: [{id, name}]} added to its payload.
   */
  public static Future<Transition> cite(SqlConnection tx, Transition t, List<Long> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(t);
    }
    Set<Long> wanted = new LinkedHashSet<>(ids);
    return tx.preparedQuery(
            "SELECT id, original_name FROM attachment WHERE order_id = $1 AND id = ANY($2)"
                + " ORDER BY id")
        .execute(Tuple.tuple().addLong(t.after().id).addArrayOfLong(wanted.toArray(new Long[0])))
        .compose(
            rows -> {
              if (rows.size() != wanted.size()) {
                return Future.failedFuture(
                    WorkflowException.invalid(
                        "attachments", "the reply cites attachments that are not on this order"));
              }
              JsonArray cited = new JsonArray();
              rows.forEach(
                  r ->
                      cited.add(
                          new io.vertx.core.json.JsonObject()
                              .put("id", r.getLong("id"))
                              .put("name", r.getString("original_name"))));
              Map<String, Object> payload = new LinkedHashMap<>(t.payload());
              payload.put("attachments", cited);
              return Future.succeededFuture(
                  new Transition(t.before(), t.after(), t.action(), t.note(), payload));
            });
  }

  /** A checked, stored file waiting for its row. */
  public record NewAttachment(String name, String contentType, AttachmentStore.Stored stored) {}

  private static String[] array(Set<String> units) {
    return units == null ? null : units.toArray(new String[0]);
  }

  private static List<Attachment> all(Iterable<Row> rows) {
    List<Attachment> out = new ArrayList<>();
    rows.forEach(r -> out.add(map(r)));
    return out;
  }

  private static Attachment map(Row r) {
    return new Attachment(
        r.getLong("id"),
        r.getLong("order_id"),
        r.getString("original_name"),
        r.getString("content_type"),
        r.getLong("size_bytes"),
        r.getString("sha256"),
        r.getString("stored_name"),
        r.getString("uploaded_by"),
        r.getString("uploader_unit"),
        Db.zoned(r, "uploaded_at"));
  }
}
