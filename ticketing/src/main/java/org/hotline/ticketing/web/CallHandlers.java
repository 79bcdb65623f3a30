package org.hotline.ticketing.web;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.ticketing.telephony.CallRepository;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.hotline.ticketing.workflow.WorkflowException;

/** /api/calls, /api/wallboard, /api/agents: the telephony side of the API. */
public final class CallHandlers {

  private static final DeliveryOptions QUICK = new DeliveryOptions().setSendTimeout(3000);
  private static final List<String> OUTCOMES = List.of("answered", "abandoned", "voicemail", "ivr");
  private static final List<String> TRANSFER_MODES =
      List.of("redirect", "blind", "attended", "conference");

  private final Vertx vertx;
  private final CallRepository calls;
  private final java.nio.file.Path recordingsDir;

  /** /api/sim/*: calls a person places through the PBX simulator. */
  public final SimCallHandlers sim;

  public CallHandlers(
      Vertx vertx,
      CallRepository calls,
      java.nio.file.Path recordingsDir,
      java.util.function.Supplier<org.hotline.ticketing.telephony.TelephonyDeployment.Started>
          telephony) {
    this.vertx = vertx;
    this.calls = calls;
    this.recordingsDir = recordingsDir;
    this.sim = new SimCallHandlers(vertx, telephony);
  }

  public void calls(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    String since = Inputs.param(ctx, "since");
    if (since != null) {
      try {
        OffsetDateTime.parse(since);
      } catch (DateTimeParseException e) {
        throw WorkflowException.invalid(
            "since", "since must be ISO-8601 with offset, e.g. 2026-11-28T08:00:00+08:00");
      }
    }
    String outcome = Inputs.param(ctx, "outcome");
    if (outcome != null && !OUTCOMES.contains(outcome)) {
      throw WorkflowException.invalid("outcome", "outcome must be one of " + OUTCOMES);
    }
    String ticket = Inputs.param(ctx, "ticketId");
    if (ticket != null && !ticket.matches("[0-9]{1,18}")) {
      throw WorkflowException.invalid("ticketId", "ticketId must be an order id");
    }
    calls
        .calls(
            since,
            Inputs.param(ctx, "number"),
            outcome,
            ticket == null ? null : Long.valueOf(ticket),
            Inputs.intParam(ctx, "page", 0, 0, 100_000),
            Inputs.intParam(ctx, "size", 50, 1, 500))
        .onSuccess(page -> Json.ok(ctx, page))
        .onFailure(ctx::fail);
  }

  public void wallboard(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    ask(ctx, TelephonyAddresses.WALLBOARD_GET, new JsonObject());
  }

  public void agents(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    ask(ctx, TelephonyAddresses.AGENTS, new JsonObject());
  }

  /** POST /api/agents/{agent}/login|logout|pause|unpause. */
  public void agentAction(RoutingContext ctx) {
    String agent = ctx.pathParam("agent");
    Actor actor = Sessions.actor(ctx);
    if (!actor.isAdmin() && !actor.has(Role.SUPERVISOR) && !actor.username().equals(agent)) {
      throw WorkflowException.forbidden("agents act only for themselves");
    }
    JsonObject body =
        ctx.body() != null && ctx.body().length() > 0 ? Inputs.body(ctx) : new JsonObject();
    String iface = Inputs.optString(body, "interface", 100);
    JsonObject msg =
        new JsonObject()
            .put("agent", agent)
            .put("interface", iface == null ? "PJSIP/" + agent : iface);
    String queue = Inputs.optString(body, "queue", 64);
    if (queue != null) {
      msg.put("queue", queue);
    }
    String address;
    switch (ctx.pathParam("op")) {
      case "login" -> address = TelephonyAddresses.ACTION_QUEUE_ADD;
      case "logout" -> address = TelephonyAddresses.ACTION_QUEUE_REMOVE;
      case "pause" -> {
        address = TelephonyAddresses.ACTION_PAUSE;
        msg.put("reason", Inputs.reqString(body, "reason", 64));
      }
      case "unpause" -> address = TelephonyAddresses.ACTION_UNPAUSE;
      default -> throw WorkflowException.invalid("action", "use login, logout, pause or unpause");
    }
    ask(ctx, address, msg);
  }

  /** POST /api/calls/originate {number, agent? | survey: true, ticketId?, taskId?}. */
  public void originate(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    JsonObject b = Inputs.body(ctx);
    String number = Inputs.reqString(b, "number", 20);
    if (!number.matches("\\+?[0-9]{3,20}")) {
      throw WorkflowException.invalid("number", "number must be digits");
    }
    Boolean survey = Inputs.optBool(b, "survey");
    String agent = Inputs.optString(b, "agent", 64);
    if (!Boolean.TRUE.equals(survey) && agent == null) {
      agent = actor.username();
    }
    if (agent != null
        && !agent.equals(actor.username())
        && !actor.isAdmin()
        && !actor.has(Role.SUPERVISOR)) {
      throw WorkflowException.forbidden("agents place calls only for themselves");
    }
    JsonObject msg =
        new JsonObject().put("number", number).put("survey", Boolean.TRUE.equals(survey));
    if (agent != null && !Boolean.TRUE.equals(survey)) {
      msg.put("agent", agent);
    }
    Object ticketId = b.getValue("ticketId");
    Object taskId = b.getValue("taskId");
    if (ticketId != null) {
      msg.put("ticketId", ticketId);
    }
    if (taskId != null) {
      msg.put("taskId", taskId);
    }
    ask(ctx, TelephonyAddresses.ACTION_ORIGINATE, msg);
  }

  /**
   * POST /api/calls/{id}/transfer {target, mode?}: emergency transfer (110/119/120/122) in one
   * step; mode {@code redirect} (default, blind), {@code attended} (Atxfer) or {@code conference}
   * (three-way ConfBridge).
   */
  public void transfer(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    JsonObject body = Inputs.body(ctx);
    String target = Inputs.reqString(body, "target", 20);
    if (!target.matches("[0-9]{3,20}")) {
      throw WorkflowException.invalid(
          "target", "target must be a number such as 110, 119, 120 or 122");
    }
    String mode = Inputs.optString(body, "mode", 20);
    if (mode != null && !TRANSFER_MODES.contains(mode)) {
      throw WorkflowException.invalid("mode", "mode must be one of " + TRANSFER_MODES);
    }
    JsonObject msg =
        new JsonObject()
            .put("callId", ctx.pathParam("id"))
            .put("target", target)
            .put("mode", mode == null ? "redirect" : mode);
    calls
        .audit(actor.username(), "call-transfer", msg)
        .onComplete(v -> ask(ctx, TelephonyAddresses.ACTION_TRANSFER, msg));
  }

  /**
   * GET /api/calls/{id}/recording: plays a call's recording from HOTLINE_RECORDINGS_DIR (centre
   * staff only); every playback is logged.
   */
  public void recording(RoutingContext ctx) {
    Actor actor = Sessions.requireCentreStaff(ctx);
    String id = ctx.pathParam("id");
    calls
        .recordingOf(id)
        .compose(
            file -> {
              if (file == null) {
                return io.vertx.core.Future.failedFuture(
                    WorkflowException.notFound("call " + id + " has no recording"));
              }
              java.nio.file.Path root = recordingsDir.toAbsolutePath().normalize();
              java.nio.file.Path path = root.resolve(file).normalize();
              if (!path.startsWith(root) || !java.nio.file.Files.isRegularFile(path)) {
                return io.vertx.core.Future.failedFuture(
                    WorkflowException.notFound(
                        "the recording of call " + id + " is not in the recordings folder"));
              }
              return calls
                  .audit(
                      actor.username(),
                      "recording-playback",
                      new JsonObject().put("callId", id).put("file", path.toString()))
                  .map(path);
            })
        .onSuccess(
            path ->
                ctx.response()
                    .putHeader(
                        "Content-Type",
                        path.toString().endsWith(".wav") ? "audio/wav" : "application/octet-stream")
                    .sendFile(path.toString()))
        .onFailure(ctx::fail);
  }

  private void ask(RoutingContext ctx, String address, JsonObject msg) {
    vertx
        .eventBus()
        .<JsonObject>request(address, msg, QUICK)
        .onSuccess(
            reply -> {
              JsonObject body = reply.body();
              if (Boolean.FALSE.equals(body.getBoolean("ok"))) {
                ApiErrors.send(
                    ctx,
                    409,
                    "telephony_refused",
                    body.getString("error", "the PBX refused"),
                    null);
              } else {
                Json.ok(ctx, body);
              }
            })
        .onFailure(
            e ->
                ApiErrors.send(
                    ctx,
                    503,
                    "telephony_unavailable",
                    "the telephony link does not answer: " + e.getMessage(),
                    null));
  }
}
