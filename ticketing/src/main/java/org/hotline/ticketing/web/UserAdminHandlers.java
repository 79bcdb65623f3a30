package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import org.hotline.ticketing.admin.AuditTrail;
import org.hotline.ticketing.admin.UserStore;
import org.hotline.ticketing.auth.PasswordHasher;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/admin/users: create users, set their roles and unit, reset passwords, disable and unlock.
 * Passwords are hashed with bcrypt on a worker thread and never leave the server, not even into the
 * audit log (which records that a password was set, not what it was).
 */
public final class UserAdminHandlers {

  private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,31}";

  private final Vertx vertx;
  private final AuditTrail audit;
  private final PasswordHasher hasher;
  private final UserStore store = new UserStore();

  UserAdminHandlers(Vertx vertx, AuditTrail audit, PasswordHasher hasher) {
    this.vertx = vertx;
    this.audit = audit;
    this.hasher = hasher;
  }

  public void list(RoutingContext ctx) {
    Sessions.requireAdmin(ctx);
    store.all(audit.pool()).onSuccess(a -> Json.ok(ctx, a)).onFailure(ctx::fail);
  }

  /** POST {username, displayName?, roles: [...], unit?, password, enabled?}. */
  public void create(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    JsonObject b = Inputs.body(ctx);
    String username = Inputs.reqString(b, "username", 32);
    if (!username.matches(USERNAME)) {
      throw WorkflowException.invalid(
          "username", "a username is 2-32 lower-case letters, digits, '.', '_' or '-'");
    }
    UserStore.UserForm form = form(b, username);
    String password = AdminInputs.password(b, username);
    hash(password)
        .compose(
            hash ->
                audit.change(
                    actor,
                    "user-create",
                    username,
                    tx -> Future.succeededFuture(null),
                    tx ->
                        checkUnit(tx, form.unit())
                            .compose(v -> store.insert(tx, form, hash))
                            .compose(
                                inserted ->
                                    inserted
                                        ? store.one(tx, username)
                                        : Future.failedFuture(
                                            WorkflowException.invalid(
                                                "username", "user " + username + " exists"))),
                    false))
        .onSuccess(after -> Json.created(ctx, after))
        .onFailure(ctx::fail);
  }

  /** PUT /{username} {displayName?, roles, unit?, enabled}. */
  public void update(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String username = ctx.pathParam("username");
    JsonObject b = Inputs.body(ctx);
    UserStore.UserForm form = form(b, username);
    if (username.equals(actor.username())
        && (!form.enabled() || !form.roles().contains(Role.ADMIN.code()))) {
      throw WorkflowException.invalid(
          form.enabled() ? "roles" : "enabled",
          "administrators cannot disable themselves or drop their own admin role");
    }
    audit
        .change(
            actor,
            "user-update",
            username,
            tx -> existing(tx, username),
            tx ->
                checkUnit(tx, form.unit())
                    .compose(v -> store.update(tx, form))
                    .compose(v -> store.one(tx, username)),
            false)
        .onSuccess(after -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  /** POST /{username}/password {password}: a new password, which also lifts a lock-out. */
  public void resetPassword(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String username = ctx.pathParam("username");
    String password = AdminInputs.password(Inputs.body(ctx), username);
    hash(password)
        .compose(
            hash ->
                audit.change(
                    actor,
                    "user-password",
                    username,
                    tx -> existing(tx, username),
                    tx ->
                        store
                            .setPassword(tx, username, hash)
                            .compose(v -> store.one(tx, username))
                            .map(u -> u.put("passwordChanged", true)),
                    false))
        .onSuccess(after -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  /** POST /{username}/unlock: clears failed logins and the lock-out. */
  public void unlock(RoutingContext ctx) {
    Actor actor = Sessions.requireAdmin(ctx);
    String username = ctx.pathParam("username");
    audit
        .change(
            actor,
            "user-unlock",
            username,
            tx -> existing(tx, username),
            tx -> store.unlock(tx, username).compose(v -> store.one(tx, username)),
            false)
        .onSuccess(after -> Json.ok(ctx, after))
        .onFailure(ctx::fail);
  }

  private Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }

  private Future<JsonObject> existing(io.vertx.sqlclient.SqlConnection tx, String username) {
    return store
        .one(tx, username)
        .compose(
            u ->
                u == null
                    ? Future.failedFuture(WorkflowException.notFound("no user " + username))
                    : Future.succeededFuture(u));
  }

  private Future<Void> checkUnit(io.vertx.sqlclient.SqlConnection tx, String unit) {
    return unit == null
        ? Future.succeededFuture()
        : store
            .unitExists(tx, unit)
            .compose(
                ok ->
                    ok
                        ? Future.succeededFuture()
                        : Future.failedFuture(
                            WorkflowException.invalid("unit", "no unit " + unit)));
  }

  /**
   * Roles are known codes; unit roles (承办人, 单位负责人) need a unit and do not mix with centre roles,
   * which see every unit's orders.
   */
  private static UserStore.UserForm form(JsonObject b, String username) {
    List<String> roles = Inputs.optStrings(b, "roles", 8, 20);
    if (roles.isEmpty()) {
      throw WorkflowException.invalid("roles", "at least one role is required");
    }
    List<String> known = Arrays.stream(Role.values()).map(Role::code).toList();
    for (String r : roles) {
      if (!known.contains(r)) {
        throw WorkflowException.invalid(
            "roles", "roles must be among " + known + ", not '" + r + "'");
      }
    }
    roles = roles.stream().distinct().sorted().toList();
    String unit = Inputs.optString(b, "unit", 32);
    boolean unitRoles = roles.stream().map(Role::fromCode).anyMatch(Role::isUnitRole);
    boolean centreRoles = roles.stream().map(Role::fromCode).anyMatch(r -> !r.isUnitRole());
    if (unitRoles && centreRoles) {
      throw WorkflowException.invalid(
          "roles", "unit roles (handler, leader) do not mix with centre roles");
    }
    if (unitRoles && unit == null) {
      throw WorkflowException.invalid("unit", "handlers and leaders belong to a unit");
    }
    if (!unitRoles && unit != null) {
      throw WorkflowException.invalid("unit", "only handlers and leaders belong to a unit");
    }
    Boolean enabled = Inputs.optBool(b, "enabled");
    return new UserStore.UserForm(
        username, Inputs.optString(b, "displayName", 50), roles, unit, enabled == null || enabled);
  }
}
