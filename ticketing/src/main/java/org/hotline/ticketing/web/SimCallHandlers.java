package org.hotline.ticketing.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import org.hotline.telephony.sim.SimulatedCalls;
import org.hotline.ticketing.telephony.TelephonyBridge;
import org.hotline.ticketing.telephony.TelephonyDeployment;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * /api/sim/*: a person places a simulated call into the IVR, presses keys, hangs up, and lets an
 * agent answer, while the platform runs against its PBX simulator (centre staff and administrators;
 * refused with 409, or 404 for reads, when a real Asterisk is configured). The call's view carries
 * what the IVR said and did and, once an agent answered, the screen pop the core published.
 */
public final class SimCallHandlers {
  private static final int KEPT_SCREEN_POPS = 200;

  private final Supplier<TelephonyDeployment.Started> telephony;
  private final Map<String, JsonObject> screenPops = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> popOrder = new ConcurrentLinkedQueue<>();

  public SimCallHandlers(Vertx vertx, Supplier<TelephonyDeployment.Started> telephony) {
    this.telephony = telephony;
    vertx.eventBus().<JsonObject>consumer(TelephonyBridge.SCREEN_POP, m -> keep(m.body()));
  }

  private void keep(JsonObject pop) {
    String callId = pop.getString("callId");
    if (callId != null && screenPops.put(callId, pop) == null) {
      popOrder.add(callId);
      while (popOrder.size() > KEPT_SCREEN_POPS) {
        screenPops.remove(popOrder.poll());
      }
    }
  }

  /** GET /api/sim/status → {simulated}: whether the PBX is the built-in simulator. */
  public void status(RoutingContext ctx) {
    TelephonyDeployment.Started t = telephony.get();
    Json.ok(ctx, new JsonObject().put("simulated", t != null && t.simulated()));
  }

  /** POST /api/sim/calls {caller, script?} → 201 the call's view (id, state ivr, …). */
  public void place(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    JsonObject b = Inputs.body(ctx);
    String caller = Inputs.reqString(b, "caller", 21);
    String script = Inputs.optString(b, "script", 20);
    reply(ctx, desk(false).compose(d -> d.place(caller, script)), true);
  }

  /** POST /api/sim/calls/{id}/dtmf {digits}. */
  public void dtmf(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String digits = Inputs.reqString(Inputs.body(ctx), "digits", 32);
    reply(ctx, desk(false).compose(d -> d.dtmf(ctx.pathParam("id"), digits)), false);
  }

  /** POST /api/sim/calls/{id}/hangup: the caller hangs up. */
  public void hangup(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    reply(ctx, desk(false).compose(d -> d.hangup(ctx.pathParam("id"))), false);
  }

  /** POST /api/sim/calls/{id}/answer {agent?}: an agent answers (only oneself, unless lead). */
  public void answer(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    JsonObject b =
        ctx.body() != null && ctx.body().length() > 0 ? Inputs.body(ctx) : new JsonObject();
    String agent = Inputs.optString(b, "agent", 64);
    String who = agent == null ? actor.username() : agent;
    if (!who.equals(actor.username()) && !actor.isAdmin() && !actor.has(Role.SUPERVISOR)) {
      throw WorkflowException.forbidden("agents answer only as themselves");
    }
    reply(ctx, desk(false).compose(d -> d.answer(ctx.pathParam("id"), who)), false);
  }

  /** GET /api/sim/calls/{id}: state, what the IVR said and did, the screen pop once answered. */
  public void get(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String id = ctx.pathParam("id");
    reply(
        ctx,
        desk(true)
            .compose(d -> d.get(id))
            .map(
                view ->
                    view.orElseThrow(() -> new NoSuchElementException("no simulated call " + id))
                        .put("screenPop", screenPops.get(id))),
        false);
  }

  /** The desk of simulated calls; without one (a real Asterisk) a failed future: 409 / 404. */
  private Future<SimulatedCalls> desk(boolean read) {
    TelephonyDeployment.Started t = telephony.get();
    if (t == null || t.simulatedCalls() == null) {
      return Future.failedFuture(new NotSimulated(read));
    }
    return Future.succeededFuture(t.simulatedCalls());
  }

  private static final class NotSimulated extends RuntimeException {
    final boolean read;

    NotSimulated(boolean read) {
      super("the PBX is a real Asterisk (HOTLINE_AMI_HOST): there are no simulated calls");
      this.read = read;
    }
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> f, boolean created) {
    f.onSuccess(v -> Json.send(ctx, created ? 201 : 200, v))
        .onFailure(
            e -> {
              if (e instanceof SimulatedCalls.Refused r) {
                ApiErrors.send(
                    ctx,
                    r.conflict ? 409 : 400,
                    r.conflict ? "conflict" : "invalid",
                    r.getMessage(),
                    r.field);
              } else if (e instanceof NotSimulated n) {
                ApiErrors.send(ctx, n.read ? 404 : 409, "not_simulated", n.getMessage(), null);
              } else if (e instanceof NoSuchElementException) {
                ApiErrors.send(ctx, 404, "not_found", e.getMessage(), null);
              } else {
                ctx.fail(e);
              }
            });
  }
}
