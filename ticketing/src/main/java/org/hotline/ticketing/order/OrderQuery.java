package org.hotline.ticketing.order;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/**
 * The filter of an order list. {@code visibleUnits} non-null restricts the list to orders a unit's
 * staff may see: scoping lives in the query itself, never in a filter applied afterwards.
 */
public record OrderQuery(
    String state,
    String unit,
    Boolean overdue,
    String q,
    String citizenPhone,
    Set<String> visibleUnits,
    OffsetDateTime now,
    int page,
    int size) {

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
