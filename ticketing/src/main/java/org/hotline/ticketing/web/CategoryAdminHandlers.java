package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.admin.CategoryStore;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/admin/categories: add, rename and remove classes of the category tree. The code says where a
 * class sits (XX0000 top, XXYY00 middle, XXYYZZ leaf); orders carry leaf codes, so a class that
 * orders or routing rules use cannot get children or be removed.
 */
public final class CategoryAdminHandlers {

  private final AuditTrail audit;
  private final CategoryStore store = new CategoryStore();

  CategoryAdminHandlers(AuditTrail audit) {
    this.audit = audit;
  }

  /** POST {code, name, kind?: component|event, sort?}; the parent follows from the code. */
  public void create(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    JsonObject b = Inputs.body(ctx);
    String code = Inputs.reqString(b, "code", 6);
    if (!code.matches("[0-9]{6}") || code.startsWith("00")) {
      throw WorkflowException.invalid("code", "a category code has six digits, like 010101");
    }
    CategoryStore.CategoryForm form = form(b, code);
    int level = code.endsWith("0000") ? 1 : code.endsWith("00") ? 2 : 3;
    String parent =
        level == 1
            ? null
            : level == 2 ? code.substring(0, 2) + "0000" : code.substring(0, 4) + "00";
    audit
        .change(
            actor,
            "category-create",
            code,
            tx -> Future.succeededFuture(null),
            tx ->
                checkParent(tx, parent)
                    .compose(v -> store.insert(tx, form, parent, level))
                    .compose(
                        inserted ->
                            inserted
                                ? store.one(tx, code)
                                : Future.failedFuture(
                                    WorkflowException.invalid(
                                        "code", "category " + code + " exists"))),
            true)
        .onSuccess(after -> Json.created(ctx, after))
        .onFailure(ctx::fail);
  }

  /** PUT /{code} {name, kind?, sort?}. */
  public void update(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String code = ctx.pathParam("code");
    CategoryStore.CategoryForm form = form(Inputs.body(ctx), code);
    audit
        .change(
            actor,
            "category-update",
            code,
            tx -> existing(tx, code),
            tx -> store.update(tx, form).compose(v -> store.one(tx, code)),
            true)
        .onSuccess(after -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  /** DELETE /{code}: only a class nothing uses. */
  public void delete(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String code = ctx.pathParam("code");
    audit
        .change(
            actor,
            "category-delete",
            code,
            tx -> existing(tx, code),
            tx ->
                store
                    .usedBy(tx, code)
                    .compose(uses -> uses.isEmpty() ? store.delete(tx, code) : inUse(code, uses))
                    .map(v -> (JsonObject) null),
            true)
        .onSuccess(v -> Json.ok(ctx, new JsonObject().put("deleted", code)))
        .onFailure(ctx::fail);
  }

  /** A new child may not turn a leaf that orders or rules use into a middle class. */
  private Future<Void> checkParent(io.vertx.sqlclient.SqlConnection tx, String parent) {
    if (parent == null) {
      return Future.succeededFuture();
    }
    return store
        .one(tx, parent)
        .compose(
            p ->
                p == null
                    ? Future.failedFuture(
                        WorkflowException.invalid(
                            "code", "the parent class " + parent + " does not exist"))
                    : store.usedBy(tx, parent))
        .compose(
            uses -> {
              List<String> blocking = uses.stream().filter(u -> !u.startsWith("children")).toList();
              return blocking.isEmpty() ? Future.succeededFuture() : inUse(parent, blocking);
            });
  }

  private static Future<Void> inUse(String code, List<String> uses) {
    return Future.failedFuture(
        new WorkflowException(
            WorkflowException.Kind.CONFLICT,
            "in_use",
            "category " + code + " is in use: " + uses,
            null));
  }

  private Future<JsonObject> existing(io.vertx.sqlclient.SqlConnection tx, String code) {
    return store
        .one(tx, code)
        .compose(
            c ->
                c == null
                    ? Future.failedFuture(WorkflowException.notFound("no category " + code))
                    : Future.succeededFuture(c));
  }

  private static CategoryStore.CategoryForm form(JsonObject b, String code) {
    String kind = Inputs.optString(b, "kind", 20);
    if (kind != null && !List.of("component", "event").contains(kind)) {
      throw WorkflowException.invalid("kind", "kind is component (部件) or event (事件)");
    }
    int sort = b.getValue("sort") == null ? 0 : Inputs.reqInt(b, "sort");
    return new CategoryStore.CategoryForm(code, Inputs.reqString(b, "name", 50), kind, sort);
  }
}
