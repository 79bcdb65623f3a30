package org.hotline.ticketing.scheduler;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.order.WorkOrderService;

/**
 * One sweep over the deadlines of the orders at units. It never changes an order's state or version
 * except for automatic supervision. Steps, each in transactions of at most one batch:
 *
 * <ol>
 *   <li>prepare: orders at a unit whose warning moments are unknown ({@code sign_warn_at}, {@code
 *       due_warn_at} NULL: new, or reset by the V5 trigger when a deadline moved) get them: working
 *       time on the calendar, natural time when urgent;
 *   <li>fire: orders, not paused, whose warning moment or deadline fell in [previous sweep, now)
 *       get a {@code deadline-warning} or {@code overdue} history event (same state, same version),
 *       a {@code deadline_notice} row and SMS to the holding unit's contacts; the notice table's
 *       key makes every (order, kind, deadline, level) happen once, whatever restarts or concurrent
 *       sweeps happen; an order found past its deadline gets no stale warning;
 *   <li>supervise: overdue marks older than the grace put the order under supervision (督办);
 *   <li>the end of the swept range is stored in {@code scheduler_state} for the next sweep (a
 *       failed sweep leaves it, so the next one covers the same time again).
 * </ol>
 *
 * The queries are range scans over partial indexes, so a sweep costs what it finds, not what is
 * open.
 */
public final class DeadlineSweeper {

  /** The actor written on the scheduler's history events. */
  public static final String ACTOR = "scheduler";

  static final String SUPERVISION_NOTE = "超期自动督办";
  private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("M月d日HH:mm");

  private static final String MISSING =
      "SELECT id, urgency, dispatched_at, sign_deadline, due_deadline FROM work_order"
          + " WHERE state IN ('DISPATCHED', 'ACCEPTED') AND (sign_warn_at IS NULL OR due_warn_at IS NULL)"
          + " ORDER BY id LIMIT $1";

  /** Only fills what is still missing for the deadline it was computed from (no lost update). */
  private static final String SET_WARN =
      "UPDATE work_order o SET"
          + " sign_warn_at = CASE WHEN o.sign_warn_at IS NULL AND o.sign_deadline IS NOT DISTINCT FROM v.sd"
          + "   THEN coalesce(v.sw, 'infinity'::timestamptz) ELSE o.sign_warn_at END,"
          + " due_warn_at = CASE WHEN o.due_warn_at IS NULL AND o.due_deadline IS NOT DISTINCT FROM v.dd"
          + "   THEN coalesce(v.dw, 'infinity'::timestamptz) ELSE o.due_warn_at END"
          + " FROM unnest($1::bigint[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[],"
          + " $5::timestamptz[]) AS v(id, sd, sw, dd, dw)"
          + " WHERE o.id = v.id AND o.id = ANY($1::bigint[])";

  private static final String SWEPT_UNTIL = "SELECT swept_until FROM scheduler_state";
  private static final String SET_SWEPT_UNTIL =
      "UPDATE scheduler_state SET swept_until = $1, updated_at = now() WHERE swept_until < $1";

  private static final String SUPERVISE =
      "WITH cand AS ("
          + " SELECT order_id, kind, deadline FROM deadline_notice"
          + " WHERE level = 'overdue' AND NOT escalated AND at < $2"
          + " ORDER BY at LIMIT $3 FOR UPDATE SKIP LOCKED),"
          + " marked AS ("
          + " UPDATE deadline_notice n SET escalated = TRUE FROM cand c"
          + " WHERE n.order_id = c.order_id AND n.kind = c.kind AND n.deadline = c.deadline"
          + " AND n.level = 'overdue' RETURNING n.order_id, n.kind, n.deadline),"
          + " sup AS ("
          + " UPDATE work_order o SET supervised = TRUE, supervision_note = $4,"
          + " version = o.version + 1, updated_at = $1 FROM marked m"
          + " WHERE o.id = m.order_id AND NOT o.supervised AND o.paused_since IS NULL"
          + " AND ((m.kind = 'sign' AND o.state = 'DISPATCHED' AND o.sign_deadline = m.deadline)"
          + " OR (m.kind = 'due' AND o.state IN ('DISPATCHED', 'ACCEPTED') AND o.due_deadline = m.deadline))"
          + " RETURNING o.id, o.number, o.state, o.urgency, o.channel,"
          + " coalesce(o.handling_unit, o.lead_unit) AS unit),"
          + " ev AS ("
          + " INSERT INTO order_event (order_id, action, actor, at, from_state, to_state, note, payload)"
          + " SELECT id, 'supervise', '"
          + ACTOR
          + "', $1, state, state, $4, jsonb_build_object('automatic', true) FROM sup),"
          + " ob AS ("
          + " INSERT INTO outbox (topic, payload) SELECT '"
          + WorkOrderService.OUTBOX_TOPIC_PREFIX
          + "supervise', jsonb_build_object('id', id, 'number', number, 'state', state,"
          + " 'unit', unit, 'urgent', urgency = 'urgent', 'channel', channel) FROM sup)"
          + " SELECT (SELECT count(*) FROM marked) AS marked, (SELECT count(*) FROM sup) AS supervised";

  private final Pool pool;
  private final Supplier<Future<WorkingCalendar>> calendar;
  private final SmsOutbox outbox;
  private final SmsTemplates templates;
  private final SchedulerSettings settings;

  public DeadlineSweeper(
      Pool pool,
      Supplier<Future<WorkingCalendar>> calendar,
      SmsOutbox outbox,
      SmsTemplates templates,
      SchedulerSettings settings) {
    this.pool = pool;
    this.calendar = calendar;
    this.outbox = outbox;
    this.templates = templates;
    this.settings = settings;
  }

  /**
   * Runs one full sweep as of {@code now}: prepare, then fire sign and due over the moments since
   * the previous complete sweep, then supervise; finally records how far it got.
   */
  public Future<SweepReport> sweep(ZonedDateTime now) {
    OffsetDateTime at = now.toOffsetDateTime();
    return Future.all(calendar.get(), pool.query(SWEPT_UNTIL).execute(), contacts())
        .compose(
            all -> {
              WorkingCalendar cal = all.resultAt(0);
              RowSet<Row> state = all.resultAt(1);
              Map<String, List<String>> contacts = all.resultAt(2);
              OffsetDateTime from = state.iterator().next().getOffsetDateTime("swept_until");
              WarningMoments moments = new WarningMoments(cal, settings.warnPercent());
              return prepare(moments, from, SweepReport.EMPTY)
                  .compose(r -> fire(Kind.SIGN, from, at, contacts, r))
                  .compose(r -> fire(Kind.DUE, from, at, contacts, r));
            })
        .compose(r -> supervise(at, r))
        .compose(r -> pool.preparedQuery(SET_SWEPT_UNTIL).execute(Tuple.of(at)).map(r));
  }

  // ---- prepare ---------------------------------------------------------------------------

  private Future<SweepReport> prepare(
      WarningMoments moments, OffsetDateTime from, SweepReport acc) {
    return pool.preparedQuery(MISSING)
        .execute(Tuple.of(settings.batchSize()))
        .compose(
            rows -> {
              int n = rows.size();
              if (n == 0) {
                return Future.succeededFuture(acc);
              }
              Long[] ids = new Long[n];
              OffsetDateTime[] sd = new OffsetDateTime[n];
              OffsetDateTime[] sn = new OffsetDateTime[n];
              OffsetDateTime[] dd = new OffsetDateTime[n];
              OffsetDateTime[] dn = new OffsetDateTime[n];
              int i = 0;
              for (Row r : rows) {
                boolean urgent = "urgent".equals(r.getString("urgency"));
                ZonedDateTime dispatched = zoned(r.getOffsetDateTime("dispatched_at"));
                ids[i] = r.getLong("id");
                sd[i] = r.getOffsetDateTime("sign_deadline");
                dd[i] = r.getOffsetDateTime("due_deadline");
                sn[i] = notBefore(offset(moments.warnAt(dispatched, zoned(sd[i]), urgent)), from);
                dn[i] = notBefore(offset(moments.warnAt(dispatched, zoned(dd[i]), urgent)), from);
                i++;
              }
              Tuple args =
                  Tuple.tuple()
                      .addArrayOfLong(ids)
                      .addArrayOfOffsetDateTime(sd)
                      .addArrayOfOffsetDateTime(sn)
                      .addArrayOfOffsetDateTime(dd)
                      .addArrayOfOffsetDateTime(dn);
              SweepReport next = acc.plus(new SweepReport(n, 0, 0, 0, 0, 0));
              return pool.preparedQuery(SET_WARN)
                  .execute(args)
                  .compose(
                      done ->
                          n < settings.batchSize()
                              ? Future.succeededFuture(next)
                              : prepare(moments, from, next));
            });
  }

  // ---- fire ------------------------------------------------------------------------------

  /** Which deadline a pass looks at. */
  enum Kind {
    SIGN("sign", "state = 'DISPATCHED'"),
    DUE("due", "state IN ('DISPATCHED', 'ACCEPTED')");

    final String code;
    final String sql;

    Kind(String code, String states) {
      this.code = code;
      String columns =
          "SELECT id, number, state, urgency, paused_since, K_deadline AS deadline,"
              + " coalesce(handling_unit, lead_unit) AS unit FROM work_order WHERE STATES";
      this.sql =
          ("WITH cand AS ("
                  + columns
                  + " AND K_warn_at >= $2 AND K_warn_at < $1"
                  + " UNION "
                  + columns
                  + " AND K_deadline >= $2 AND K_deadline < $1),"
                  + " hit AS ("
                  + " SELECT c.*, CASE WHEN c.deadline < $1 THEN 'overdue' ELSE 'warning' END AS level"
                  + " FROM cand c WHERE c.paused_since IS NULL AND c.deadline IS NOT NULL"
                  + " AND NOT EXISTS (SELECT 1 FROM deadline_notice n WHERE n.order_id = c.id"
                  + " AND n.kind = 'K' AND n.deadline = c.deadline"
                  + " AND n.level = CASE WHEN c.deadline < $1 THEN 'overdue' ELSE 'warning' END)"
                  + " LIMIT $3),"
                  + " noted AS ("
                  + " INSERT INTO deadline_notice (order_id, kind, deadline, level, at)"
                  + " SELECT id, 'K', deadline, level, $1 FROM hit"
                  + " UNION ALL SELECT id, 'K', deadline, 'urgent-unsigned', $1 FROM hit"
                  + " WHERE 'K' = 'sign' AND urgency = 'urgent' AND level = 'overdue'"
                  + " ON CONFLICT DO NOTHING RETURNING order_id, level),"
                  + " ev AS ("
                  + " INSERT INTO order_event (order_id, action, actor, at, from_state, to_state, payload)"
                  + " SELECT h.id, CASE n.level WHEN 'overdue' THEN 'overdue' ELSE 'deadline-warning' END,"
                  + " 'ACTOR', $1, h.state, h.state,"
                  + " jsonb_build_object('kind', 'K', 'deadline', h.deadline)"
                  + " FROM noted n JOIN hit h ON h.id = n.order_id"
                  + " WHERE n.level IN ('warning', 'overdue'))"
                  + " SELECT h.id, h.number, h.unit, h.urgency, h.deadline, n.level"
                  + " FROM hit h LEFT JOIN noted n ON n.order_id = h.id")
              .replace("STATES", states)
              .replace("K_", code + "_")
              .replace("'K'", "'" + code + "'")
              .replace("ACTOR", ACTOR);
    }
  }

  private Future<SweepReport> fire(
      Kind kind,
      OffsetDateTime from,
      OffsetDateTime now,
      Map<String, List<String>> contacts,
      SweepReport acc) {
    int[] picked = {0};
    return pool.withTransaction(
            tx ->
                tx.preparedQuery(kind.sql)
                    .execute(Tuple.of(now, from, settings.batchSize()))
                    .compose(
                        rows -> {
                          picked[0] = pickedCount(rows);
                          return notify(tx, kind, rows, contacts);
                        }))
        .compose(
            batch -> {
              SweepReport next = acc.plus(batch);
              return picked[0] < settings.batchSize()
                  ? Future.succeededFuture(next)
                  : fire(kind, from, now, contacts, next);
            });
  }

  /** Orders the batch looked at: one row each, two when flagged urgent-unsigned too. */
  private static int pickedCount(RowSet<Row> rows) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    rows.forEach(r -> ids.add(r.getLong("id")));
    return ids.size();
  }

  private Future<SweepReport> notify(
      SqlConnection tx, Kind kind, RowSet<Row> rows, Map<String, List<String>> contacts) {
    int warnings = 0;
    int overdue = 0;
    int urgent = 0;
    List<OutboundSms> msgs = new ArrayList<>();
    Map<String, TextShape> texts = new HashMap<>();
    for (Row r : rows) {
      String level = r.getString("level");
      if (level == null) {
        continue; // noticed before (a restart or a reset check): nothing new to say
      }
      if ("urgent-unsigned".equals(level)) {
        urgent++;
        continue;
      }
      boolean warning = "warning".equals(level);
      if (warning) {
        warnings++;
      } else {
        overdue++;
      }
      List<String> mobiles = contacts.get(r.getString("unit"));
      if (mobiles == null || mobiles.isEmpty()) {
        continue;
      }
      OffsetDateTime deadline = r.getOffsetDateTime("deadline");
      long id = r.getLong("id");
      String text =
          texts
              .computeIfAbsent(level, TextShape::new)
              .render(
                  r.getString("number"),
                  DEADLINE.format(deadline.atZoneSameInstant(WorkingCalendar.SHANGHAI)));
      String key = level + ":" + kind.code + ":" + id + ":" + deadline.toEpochSecond() + ":";
      boolean isUrgent = "urgent".equals(r.getString("urgency"));
      for (String mobile : mobiles) {
        msgs.add(
            new OutboundSms(
                mobile,
                text,
                warning ? SmsKind.WARNING : SmsKind.OVERDUE,
                isUrgent,
                id,
                key + mobile));
      }
    }
    SweepReport report = new SweepReport(0, warnings, overdue, urgent, 0, msgs.size());
    if (msgs.isEmpty()) {
      return Future.succeededFuture(report);
    }
    return outbox.enqueueAll(tx, msgs).map(ids -> report);
  }

  /**
   * A template rendered once per batch with markers in place of the order number and deadline, then
   * filled per order by plain substitution (FreeMarker per message costs more than the SQL). Falls
   * back to a full render when an administrator's template transforms the values.
   */
  private final class TextShape {
    private static final String NUMBER = "\u0001N\u0001";
    private static final String WHEN = "\u0001D\u0001";
    private final String level;
    private final String shape;

    TextShape(String level) {
      this.level = level;
      this.shape = templates.render(level, Map.of("orderNumber", NUMBER, "deadline", WHEN));
    }

    String render(String number, String deadline) {
      if (shape.contains(NUMBER) && shape.contains(WHEN)) {
        return shape.replace(NUMBER, number).replace(WHEN, deadline);
      }
      return templates.render(level, Map.of("orderNumber", number, "deadline", deadline));
    }
  }

  /** Mobile numbers of every unit's contacts (landlines cannot receive SMS). */
  private Future<Map<String, List<String>>> contacts() {
    return pool.query("SELECT unit_code, mobile FROM unit_contact ORDER BY id")
        .execute()
        .map(
            rows -> {
              Map<String, List<String>> m = new HashMap<>();
              for (Row r : rows) {
                String mobile = r.getString("mobile");
                if (org.hotline.ticketing.sms.OrderNotices.mobile(mobile)) {
                  m.computeIfAbsent(r.getString("unit_code"), k -> new ArrayList<>()).add(mobile);
                }
              }
              return m;
            });
  }

  // ---- supervise -------------------------------------------------------------------------

  private Future<SweepReport> supervise(OffsetDateTime now, SweepReport acc) {
    OffsetDateTime cutoff = now.minus(settings.superviseGrace());
    return pool.withTransaction(
            tx ->
                tx.preparedQuery(SUPERVISE)
                    .execute(Tuple.of(now, cutoff, settings.batchSize(), SUPERVISION_NOTE)))
        .compose(
            rows -> {
              Row r = rows.iterator().next();
              int marked = r.getLong("marked").intValue();
              SweepReport next =
                  acc.plus(new SweepReport(0, 0, 0, 0, r.getLong("supervised").intValue(), 0));
              return marked < settings.batchSize()
                  ? Future.succeededFuture(next)
                  : supervise(now, next);
            });
  }

  /**
   * A warning moment computed late (the deadline moved, the clock restarted) that falls before the
   * part of time already swept is moved to its start, so that this sweep still sees it.
   */
  private static OffsetDateTime notBefore(OffsetDateTime t, OffsetDateTime from) {
    return t != null && t.isBefore(from) ? from : t;
  }

  private static ZonedDateTime zoned(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(WorkingCalendar.SHANGHAI);
  }

  private static OffsetDateTime offset(ZonedDateTime t) {
    return t == null ? null : t.toOffsetDateTime();
  }
}
