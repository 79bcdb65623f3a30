package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.admin.UnitStore;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/** /api/admin/units: member units (成员单位), their place in the tree and their SMS contacts. */
public final class UnitAdminHandlers {

  static final List<String> TYPES =
      List.of("city", "district", "street", "community", "bureau", "utility");
  private static final String CODE = "[a-z0-9][a-z0-9-]{0,31}";
  static final String PHONE = "\\+?[0-9][0-9-]{2,19}";

  private final AuditTrail audit;
  private final UnitStore store = new UnitStore();

  UnitAdminHandlers(AuditTrail audit) {
    this.audit = audit;
  }

  public void list(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    store.all(audit.pool()).onSuccess(a -> Json.ok(ctx, a)).onFailure(ctx::fail);
  }

  /** POST {code, name, parent?, type, areaKeywords?, contacts?: [{name, mobile}]}. */
  public void create(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    JsonObject b = Inputs.body(ctx);
    String code = Inputs.reqString(b, "code", 32);
    if (!code.matches(CODE)) {
      throw WorkflowException.invalid(
          "code", "code is 1-32 lower-case letters, digits or '-', like dc-jx");
    }
    UnitStore.UnitForm form = form(b, code);
    List<UnitStore.Contact> contacts = contacts(b);
    audit
        .change(
            actor,
            "unit-create",
            code,
            tx -> Future.succeededFuture(null),
            tx ->
                checkParent(tx, code, form.parent())
                    .compose(v -> store.insert(tx, form))
                    .compose(
                        inserted ->
                            inserted
                                ? store.replaceContacts(
                                    tx, code, contacts == null ? List.of() : contacts)
                                : Future.failedFuture(
                                    WorkflowException.invalid("code", "unit " + code + " exists")))
                    .compose(v -> store.one(tx, code)),
            true)
        .onSuccess(after -> Json.created(ctx, after))
        .onFailure(ctx::fail);
  }

  /** PUT /{code} {name, parent?, type, areaKeywords?, contacts?}: contacts, when given, replace. */
  public void update(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String code = ctx.pathParam("code");
    JsonObject b = Inputs.body(ctx);
    UnitStore.UnitForm form = form(b, code);
    List<UnitStore.Contact> contacts = contacts(b);
    audit
        .change(
            actor,
            "unit-update",
            code,
            tx -> store.one(tx, code).compose(before -> exists(before, code)),
            tx ->
                checkParent(tx, code, form.parent())
                    .compose(v -> store.update(tx, form))
                    .compose(
                        v ->
                            contacts == null
                                ? Future.succeededFuture()
                                : store.replaceContacts(tx, code, contacts))
                    .compose(v -> store.one(tx, code)),
            true)
        .onSuccess(after -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  /** DELETE /{code}: only a unit nothing refers to (409 names what still does). */
  public void delete(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String code = ctx.pathParam("code");
    audit
        .change(
            actor,
            "unit-delete",
            code,
            tx -> store.one(tx, code).compose(before -> exists(before, code)),
            tx ->
                store
                    .usedBy(tx, code)
                    .compose(
                        uses ->
                            uses.isEmpty()
                                ? store.delete(tx, code)
                                : Future.failedFuture(
                                    new WorkflowException(
                                        WorkflowException.Kind.CONFLICT,
                                        "in_use",
                                        "unit " + code + " is still referred to: " + uses,
                                        null)))
                    .map(v -> (JsonObject) null),
            true)
        .onSuccess(v -> Json.ok(ctx, new JsonObject().put("deleted", code)))
        .onFailure(ctx::fail);
  }

  private static Future<JsonObject> exists(JsonObject unit, String code) {
    return unit == null
        ? Future.failedFuture(WorkflowException.notFound("no unit " + code))
        : Future.succeededFuture(unit);
  }

  /** The parent must exist and must not be the unit itself or one of its descendants. */
  private Future<Void> checkParent(
      io.vertx.sqlclient.SqlConnection tx, String code, String parent) {
    if (parent == null) {
      return Future.succeededFuture();
    }
    return store
        .parents(tx)
        .compose(
            parents -> {
              if (!parents.containsKey(parent)) {
                return Future.failedFuture(
                    WorkflowException.invalid("parent", "no unit " + parent));
              }
              if (isAncestorOrSelf(code, parent, parents)) {
                return Future.failedFuture(
                    WorkflowException.invalid(
                        "parent", "a unit cannot be placed under itself or its own sub-unit"));
              }
              return Future.succeededFuture();
            });
  }

  static boolean isAncestorOrSelf(String code, String start, Map<String, String> parents) {
    Set<String> seen = new HashSet<>();
    for (String p = start; p != null && seen.add(p); p = parents.get(p)) {
      if (p.equals(code)) {
        return true;
      }
    }
    return false;
  }

  private static UnitStore.UnitForm form(JsonObject b, String code) {
    return new UnitStore.UnitForm(
        code,
        Inputs.reqString(b, "name", 100),
        Inputs.optString(b, "parent", 32),
        Inputs.oneOf(b, "type", TYPES, null),
        Inputs.optStrings(b, "areaKeywords", 50, 50));
  }

  /** The contacts in the body, or null when the body has none (they stay as they are). */
  private static List<UnitStore.Contact> contacts(JsonObject b) {
    Object v = b.getValue("contacts");
    if (v == null) {
      return null;
    }
    if (!(v instanceof JsonArray a) || a.size() > 20) {
      throw WorkflowException.invalid(
          "contacts", "contacts is a list of at most 20 {name, mobile}");
    }
    List<UnitStore.Contact> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.getValue(i) instanceof JsonObject c)) {
        throw WorkflowException.invalid("contacts[" + i + "]", "a contact is {name, mobile}");
      }
      String name = AdminInputs.nested(c, "name", 50, "contacts[" + i + "].name");
      String mobile = AdminInputs.nested(c, "mobile", 20, "contacts[" + i + "].mobile");
      if (!mobile.matches(PHONE)) {
        throw WorkflowException.invalid(
            "contacts[" + i + "].mobile", "a phone number has 3-20 digits, like 13800000001");
      }
      out.add(new UnitStore.Contact(name, mobile));
    }
    return out;
  }
}
