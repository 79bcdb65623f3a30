package org.hotline.ticketing.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hotline.ticketing.calendar.WorkingCalendar;

/**
 * Reads the audit log (logins, administrative changes with before → after) and the personal-data
 * access log (PIPL: every view of a citizen's data, every recording played) for administrators.
 * Dates are days in Asia/Shanghai, both ends included.
 */
public final class AuditQueries {

  /** Filters; null means any. {@code beforeId} pages backwards through the audit log. */
  public record Filter(
      String user, String action, LocalDate from, LocalDate to, Long beforeId, int limit) {}

  public Future<JsonArray> audit(SqlClient c, Filter f) {
    return c.preparedQuery(
            "SELECT id, username, action, at, detail FROM audit_log"
                + " WHERE ($1::text IS NULL OR username = $1)"
                + " AND ($2::text IS NULL OR action LIKE $2 || '%')"
                + " AND ($3::timestamptz IS NULL OR at >= $3)"
                + " AND ($4::timestamptz IS NULL OR at < $4)"
                + " AND ($5::bigint IS NULL OR id < $5)"
                + " ORDER BY id DESC LIMIT $6")
        .execute(args(f, likePrefix(f.action())).addLong(f.beforeId()).addInteger(f.limit()))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                out.add(
                    new JsonObject()
                        .put("id", r.getLong("id"))
                        .put("username", r.getString("username"))
                        .put("action", r.getString("action"))
                        .put("at", r.getOffsetDateTime("at").toString())
                        .put("detail", r.getValue("detail")));
              }
              return out;
            });
  }

  /**
   * Views of citizens' personal data (with the order number) and recording playbacks (with the call
   * id), newest first. {@code action} here is the kind: view or recording.
   */
  public Future<JsonArray> personalData(SqlClient c, Filter f, String order) {
    return c.preparedQuery(
            "SELECT * FROM ("
                + " SELECT 'view' AS kind, p.username, p.at, p.purpose, w.number AS ref"
                + " FROM personal_data_access p LEFT JOIN work_order w ON w.id = p.order_id"
                + " UNION ALL"
                + " SELECT 'recording', a.username, a.at, 'playback', a.detail ->> 'callId'"
                + " FROM audit_log a WHERE a.action = 'recording-playback') x"
                + " WHERE ($1::text IS NULL OR username = $1)"
                + " AND ($2::text IS NULL OR kind = $2)"
                + " AND ($3::timestamptz IS NULL OR at >= $3)"
                + " AND ($4::timestamptz IS NULL OR at < $4)"
                + " AND ($5::text IS NULL OR ref = $5)"
                + " ORDER BY at DESC LIMIT $6")
        .execute(args(f, f.action()).addString(order).addInteger(f.limit()))
        .map(
            rows -> {
              JsonArray out = new JsonArray();
              for (Row r : rows) {
                out.add(
                    new JsonObject()
                        .put("kind", r.getString("kind"))
                        .put("username", r.getString("username"))
                        .put("at", r.getOffsetDateTime("at").toString())
                        .put("purpose", r.getString("purpose"))
                        .put("ref", r.getString("ref")));
              }
              return out;
            });
  }

  /** An action prefix for LIKE: its own % and _ are literal characters. */
  private static String likePrefix(String action) {
    return action == null
        ? null
        : action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Tuple args(Filter f, String action) {
    return Tuple.tuple()
        .addString(f.user())
        .addString(action)
        .addOffsetDateTime(start(f.from()))
        .addOffsetDateTime(f.to() == null ? null : start(f.to().plusDays(1)));
  }

  private static OffsetDateTime start(LocalDate day) {
    return day == null ? null : day.atStartOfDay(WorkingCalendar.SHANGHAI).toOffsetDateTime();
  }
}
