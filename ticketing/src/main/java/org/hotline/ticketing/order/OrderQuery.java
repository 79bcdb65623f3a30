package org.hotline.ticketing.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The filter of an order list. {@code visibleUnits} non-null restricts the list to orders a unit's
 * staff may see: scoping lives in the query itself, never in a filter applied afterwards.
 *
 * <p>{@code pending}: {@value #ANY_PENDING} or a request type (return, dispute, extension) awaiting
 * the centre. {@code dueSoon}: the deadline scheduler's warning moment ({@code sign_warn_at} /
 * {@code due_warn_at}) has passed but the deadline has not (the yellow light; overdue is red).
 */
public record OrderQuery(
    String state,
    String unit,
    Boolean overdue,
    String q,
    String citizenPhone,
    String pending,
    Boolean dueSoon,
    Boolean supervised,
    Set<String> visibleUnits,
    OffsetDateTime now,
    int page,
    int size) {

  /** The value of {@code pending} that matches any open request. */
  public static final String ANY_PENDING = "any";

  /** A plain filter (no marks, no scoping): page {@code page} of {@code size}. */
  public OrderQuery(
      String state,
      String unit,
      Boolean overdue,
      String q,
      String citizenPhone,
      Set<String> visibleUnits,
      OffsetDateTime now,
      int page,
      int size) {
    this(state, unit, overdue, q, citizenPhone, null, null, null, visibleUnits, now, page, size);
  }

  /** The same filter, scoped to {@code visibleUnits} (null: all) as of {@code now}. */
  public OrderQuery scoped(Set<String> visible, OffsetDateTime at) {
    return new OrderQuery(
        state,
        unit,
        overdue,
        q,
        citizenPhone,
        pending,
        dueSoon,
        supervised,
        visible,
        at,
        page,
        size);
  }

  /** Builds the WHERE clause, appending its parameters. */
  String where(List<Object> params) {
    StringBuilder w = new StringBuilder(" WHERE TRUE");
    if (state != null) {
      params.add(state);
      w.append(" AND state = $").append(params.size());
    }
    if (unit != null) {
      params.add(unit);
      int i = params.size();
      w.append(" AND (lead_unit = $")
          .append(i)
          .append(" OR handling_unit = $")
          .append(i)
          .append(" OR $")
          .append(i)
          .append(" = ANY(co_units))");
    }
    if (visibleUnits != null) {
      params.add(visibleUnits.toArray(new String[0]));
      int i = params.size();
      w.append(" AND (lead_unit = ANY($")
          .append(i)
          .append(") OR handling_unit = ANY($")
          .append(i)
          .append(") OR co_units && $")
          .append(i)
          .append(")");
    }
    if (overdue != null) {
      params.add(now);
      int i = params.size();
      String late =
          "COALESCE(state IN ('DISPATCHED','ACCEPTED') AND ("
              + "(state = 'DISPATCHED' AND sign_deadline < COALESCE(paused_since, $"
              + i
              + "))"
              + " OR due_deadline < COALESCE(paused_since, $"
              + i
              + ")))";
      w.append(overdue ? " AND " + late : " AND NOT " + late);
    }
    if (pending != null) {
      if (ANY_PENDING.equals(pending)) {
        w.append(" AND pending IS NOT NULL");
      } else {
        params.add(pending);
        w.append(" AND pending->>'type' = $").append(params.size());
      }
    }
    if (dueSoon != null) {
      params.add(now);
      int i = params.size();
      // Warned (the scheduler's moment has passed), still running and not yet late.
      String soon =
          "COALESCE(paused_since IS NULL AND ("
              + "(state = 'DISPATCHED' AND sign_warn_at <= $"
              + i
              + " AND sign_deadline > $"
              + i
              + " AND due_deadline > $"
              + i
              + ") OR (state IN ('DISPATCHED','ACCEPTED') AND due_warn_at <= $"
              + i
              + " AND due_deadline > $"
              + i
              + " AND (state = 'ACCEPTED' OR sign_deadline > $"
              + i
              + "))), FALSE)";
      w.append(dueSoon ? " AND " + soon : " AND NOT " + soon);
    }
    if (supervised != null) {
      params.add(supervised);
      w.append(" AND supervised = $").append(params.size());
    }
    if (citizenPhone != null) {
      params.add(citizenPhone);
      w.append(" AND citizen_phone = $").append(params.size());
    }
    if (q != null && !q.isBlank()) {
      params.add("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
      int i = params.size();
      w.append(" AND (number ILIKE $")
          .append(i)
          .append(" OR description ILIKE $")
          .append(i)
          .append(" OR location ILIKE $")
          .append(i);
      // Unit staff must not find orders by a citizen's name they are not allowed to see.
      if (visibleUnits == null) {
        w.append(" OR citizen_name ILIKE $").append(i);
      }
      w.append(")");
    }
    return w.toString();
  }
}
