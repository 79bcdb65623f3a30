package org.hotline.ticketing.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.hotline.ticketing.auth.AuthService;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/** POST /api/login, POST /api/logout, GET /api/me, POST /api/tokens. */
public final class AuthHandlers {

  private final AuthService auth;

  public AuthHandlers(AuthService auth) {
    this.auth = auth;
  }

  public void login(RoutingContext ctx) {
    JsonObject body = Inputs.body(ctx);
    String username = Inputs.reqString(body, "username", 64);
    String password = Inputs.reqString(body, "password", 256);
    auth.login(username, password)
        .onSuccess(
            actor -> {
              ctx.session().regenerateId(); // no session fixation
              Sessions.remember(ctx.session(), actor);
              Json.ok(ctx, Sessions.describe(actor));
            })
        .onFailure(ctx::fail);
  }

  public void logout(RoutingContext ctx) {
    if (ctx.session() != null) {
      ctx.session().destroy();
    }
    Json.ok(ctx, new JsonObject().put("loggedOut", true));
  }

  public void me(RoutingContext ctx) {
    Json.ok(ctx, Sessions.describe(Sessions.actor(ctx)));
  }

  /** Issues an integration token: administrators for anyone, others for themselves. */
  public void issueToken(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    JsonObject body = Inputs.body(ctx);
    String name = Inputs.reqString(body, "name", 100);
    String username = Inputs.optString(body, "username", 64);
    if (username == null) {
      username = actor.username();
    }
    if (!username.equals(actor.username()) && !actor.isAdmin()) {
      throw WorkflowException.forbidden("only administrators issue tokens for other users");
    }
    String owner = username;
    auth.user(owner)
        .compose(u -> auth.issueToken(owner, name))
        .onSuccess(
            token ->
                Json.created(
                    ctx,
                    new JsonObject().put("token", token).put("username", owner).put("name", name)))
        .onFailure(ctx::fail);
  }
}
