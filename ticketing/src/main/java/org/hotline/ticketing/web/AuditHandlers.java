package org.hotline.ticketing.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.time.LocalDate;
import java.util.List;
import org.hotline.ticketing.admin.AuditQueries;
import org.hotline.ticketing.workflow.WorkflowException;

/** GET /api/admin/audit and /api/admin/pii-log: who did what when, for administrators only. */
public final class AuditHandlers {

  private final Pool pool;
  private final AuditQueries queries = new AuditQueries();

  AuditHandlers(Pool pool) {
    this.pool = pool;
  }

  /** ?user=&action= (prefix, e.g. admin:)&from=&to= (dates)&before= (id)&limit=. */
  public void audit(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    String before = Inputs.param(ctx, "before");
    Long beforeId;
    try {
      beforeId = before == null ? null : Long.parseLong(before);
    } catch (NumberFormatException e) {
      throw WorkflowException.invalid("before", "before is an audit entry id");
    }
    queries
        .audit(pool, filter(ctx, Inputs.param(ctx, "action"), beforeId))
        .onSuccess(a -> Json.ok(ctx, a))
        .onFailure(ctx::fail);
  }

  /** ?user=&kind=view|recording&order= (order number)&from=&to=&limit=. */
  public void personalData(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    String kind = Inputs.param(ctx, "kind");
    if (kind != null && !List.of("view", "recording").contains(kind)) {
      throw WorkflowException.invalid("kind", "kind is view or recording");
    }
    queries
        .personalData(pool, filter(ctx, kind, null), Inputs.param(ctx, "order"))
        .onSuccess(a -> Json.ok(ctx, a))
        .onFailure(ctx::fail);
  }

  private static AuditQueries.Filter filter(RoutingContext ctx, String action, Long beforeId) {
    LocalDate from = AdminInputs.dateParam(ctx, "from");
    LocalDate to = AdminInputs.dateParam(ctx, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw WorkflowException.invalid("to", "to is before from");
    }
    String user = Inputs.param(ctx, "user");
    if (user != null && user.length() > 64) {
      throw WorkflowException.invalid("user", "user is longer than 64 characters");
    }
    if (action != null && action.length() > 64) {
      throw WorkflowException.invalid("action", "action is longer than 64 characters");
    }
    return new AuditQueries.Filter(
        user, action, from, to, beforeId, Inputs.intParam(ctx, "limit", 100, 1, 500));
  }
}
