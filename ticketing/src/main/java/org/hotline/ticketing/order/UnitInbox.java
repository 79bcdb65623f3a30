package org.hotline.ticketing.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.ticketing.workflow.WorkOrder;

/**
 * 承办单位工作台: a unit's orders by tab, and how many each tab holds. Every query is scoped to the unit's
 * subtree in its WHERE clause ($1), as the order list is. Lateness is judged as {@link
 * WorkOrder#isOverdue} does: at the moment the clock stopped while a request awaits the centre.
 */
public final class UnitInbox {

  /** The tabs of the unit portal, in the order they show. */
  public enum Tab {
    /** 待签收 */
    SIGN("state = 'DISPATCHED'", true),
    /** 办理中 */
    DOING("state = 'ACCEPTED'", true),
    /** 即将到期: the warning moment has passed but not the deadline. */
    SOON(Sql.AT_UNIT + " AND NOT " + Sql.LATE + " AND " + Sql.WARNED, true),
    /** 已超期 */
    OVERDUE(Sql.AT_UNIT + " AND " + Sql.LATE, true),
    /** 退回重办: sent back by the centre (review not passed, citizen dissatisfied, reopened). */
    RETURNED(Sql.AT_UNIT + " AND rehandle_count > 0", true),
    /** 已回复: awaiting the centre's review. */
    REPLIED("state = 'REPLIED'", false);

    final String predicate;
    final boolean byDeadline;

    Tab(String predicate, boolean byDeadline) {
      this.predicate = "(" + predicate + ")";
      this.byDeadline = byDeadline;
    }

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Tab> of(String code) {
      for (Tab t : values()) {
        if (t.code().equals(code)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }

  /** One row of a tab: the order and whether its warning moment has passed. */
  public record Item(WorkOrder order, boolean dueSoon) {}

  /** One page of a tab, its total and the count of every tab. */
  public record Result(List<Item> items, long total, Map<Tab, Long> counts) {}

  /** SQL fragments; $1 the unit codes, $2 now, $3 the warning share when not yet computed. */
  private static final class Sql {
    static final String AT_UNIT = "state IN ('DISPATCHED', 'ACCEPTED')";
    static final String AT = "COALESCE(paused_since, $2)";
    static final String LATE =
        "COALESCE((state = 'DISPATCHED' AND sign_deadline < "
            + AT
            + ") OR due_deadline < "
            + AT
            + ", FALSE)";
    // The scheduler's warning moments when it has computed them, else the same share of the
    // natural time (a close estimate until the next sweep fills them in).
    static final String WARNED =
        "COALESCE((state = 'DISPATCHED' AND COALESCE(sign_warn_at, dispatched_at"
            + " + (sign_deadline - dispatched_at) * $3) <= "
            + AT
            + ") OR COALESCE(due_warn_at, dispatched_at + (due_deadline - dispatched_at) * $3) <= "
            + AT
            + ", FALSE)";
    static final String VISIBLE =
        "(lead_unit = ANY($1) OR handling_unit = ANY($1) OR co_units && $1)";
  }

  private final double warnShare;

  /** {@code warnPercent}: the scheduler's warning share (HOTLINE_SCHEDULER_WARN_PERCENT). */
  public UnitInbox(int warnPercent) {
    this.warnShare = warnPercent / 100.0;
  }

  public Future<Result> tab(
      SqlClient client, Set<String> units, Tab tab, OffsetDateTime now, int page, int size) {
    Tuple params =
        Tuple.tuple()
            .addArrayOfString(units.toArray(new String[0]))
            .addOffsetDateTime(now)
            .addDouble(warnShare);
    String order =
        tab.byDeadline
            ? " ORDER BY CASE WHEN state = 'DISPATCHED' THEN sign_deadline ELSE due_deadline END"
                + " NULLS LAST, id"
            : " ORDER BY replied_at DESC NULLS LAST, id DESC";
    String list =
        "SELECT "
            + WorkOrderRepository.COLUMNS
            + ", "
            + Sql.AT_UNIT
            + " AND NOT "
            + Sql.LATE
            + " AND "
            + Sql.WARNED
            + " AS due_soon, count(*) OVER () AS total FROM work_order WHERE "
            + Sql.VISIBLE
            + " AND "
            + tab.predicate
            + order
            + " LIMIT "
            + size
            + " OFFSET "
            + (long) page * size;
    StringBuilder counts = new StringBuilder("SELECT ");
    for (Tab t : Tab.values()) {
      counts.append(t.ordinal() == 0 ? "" : ", ");
      counts.append("count(*) FILTER (WHERE ").append(t.predicate).append(") AS ").append(t.code());
    }
    counts
        .append(" FROM work_order WHERE ")
        .append(Sql.VISIBLE)
        .append(" AND state IN ('DISPATCHED', 'ACCEPTED', 'REPLIED')");
    return Future.all(
            client.preparedQuery(list).execute(params),
            client.preparedQuery(counts.toString()).execute(params))
        .map(
            all -> {
              List<Item> items = new ArrayList<>();
              long total = 0;
              for (Row r : all.<io.vertx.sqlclient.RowSet<Row>>resultAt(0)) {
                items.add(new Item(WorkOrderRepository.map(r), r.getBoolean("due_soon")));
                total = r.getLong("total");
              }
              Row c = all.<io.vertx.sqlclient.RowSet<Row>>resultAt(1).iterator().next();
              Map<Tab, Long> byTab = new LinkedHashMap<>();
              for (Tab t : Tab.values()) {
                byTab.put(t, c.getLong(t.code()));
              }
              if (items.isEmpty()) { // a page past the end carries no total: the count has it
                total = byTab.get(tab);
              }
              return new Result(items, total, byTab);
            });
  }
}
