package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import org.hotline.ticketing.auth.AuthService;
import org.hotline.ticketing.workflow.Actor;

/**
 * Who is calling: the logged-in user of the session cookie, or the owner of a bearer token. Puts
 * the {@link Actor} on the context for the handlers; answers 401 when neither is present.
 */
public final class Sessions {

  static final String ACTOR = "actor";
  private static final String SESSION_USER = "user";

  private final AuthService auth;

  public Sessions(AuthService auth) {
    this.auth = auth;
  }

  public static Actor actor(RoutingContext ctx) {
    return ctx.get(ACTOR);
  }

  public static void remember(Session session, Actor actor) {
    JsonArray roles = new JsonArray();
    actor.roles().forEach(r -> roles.add(r.code()));
    session.put(
        SESSION_USER,
        new JsonObject()
            .put("username", actor.username())
            .put("roles", roles)
            .put("unit", actor.unit()));
  }

  public static JsonObject describe(Actor actor) {
    JsonArray roles = new JsonArray();
    actor.roles().forEach(r -> roles.add(r.code()));
    return new JsonObject()
        .put("username", actor.username())
        .put("roles", roles)
        .put("unit", actor.unit());
  }

  /** The actor, who must be an administrator (403 otherwise). */
  public static Actor requireAdmin(RoutingContext ctx) {
    Actor a = actor(ctx);
    if (!a.isAdmin()) {
      throw org.hotline.ticketing.workflow.WorkflowException.forbidden("administrators only");
    }
    return a;
  }

  /** The actor, who must be centre staff: agent, dispatcher, reviewer, supervisor or admin. */
  public static Actor requireCentreStaff(RoutingContext ctx) {
    Actor a = actor(ctx);
    if (!a.isCentreStaff()) {
      throw org.hotline.ticketing.workflow.WorkflowException.forbidden("for centre staff only");
    }
    return a;
  }

  /** Route handler: resolves the actor or fails the request with 401. */
  public void require(RoutingContext ctx) {
    resolve(ctx)
        .onSuccess(
            actor -> {
              if (actor == null) {
                ctx.fail(401);
              } else {
                ctx.put(ACTOR, actor);
                ctx.next();
              }
            })
        .onFailure(ctx::fail);
  }

  /** The caller (bearer token or session), or null when nobody is logged in. */
  public Future<Actor> resolve(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return auth.byToken(header.substring(7).trim());
    }
    Session session = ctx.session();
    JsonObject user = session == null ? null : session.get(SESSION_USER);
    if (user == null) {
      return Future.succeededFuture();
    }
    // Roles and unit are read from the user as stored (cached for seconds), not from the session:
    // a user an administrator disables or gives other roles is treated accordingly at once.
    return auth.current(user.getString("username"));
  }
}
