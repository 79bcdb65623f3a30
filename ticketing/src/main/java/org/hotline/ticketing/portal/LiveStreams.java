package org.hotline.ticketing.portal;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.ticketing.telephony.TelephonyBridge;
import org.hotline.ticketing.web.Sessions;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Server-sent event streams for the live parts of the pages: {@code /live/wallboard} (the figures
 * the telephony module publishes every second) and {@code /live/agent} (this agent's screen pops).
 * Each stream subscribes to the event bus for as long as the browser stays connected.
 */
public final class LiveStreams {

  private static final long HEARTBEAT_MS = 15_000;

  private final Vertx vertx;

  public LiveStreams(Vertx vertx) {
    this.vertx = vertx;
  }

  /** GET /live/wallboard: a snapshot at once, then every published update. */
  public void wallboard(RoutingContext ctx) {
    Sessions.requireCentreStaff(ctx);
    HttpServerResponse out = open(ctx);
    vertx
        .eventBus()
        .<JsonObject>request(TelephonyAddresses.WALLBOARD_GET, new JsonObject())
        .onSuccess(m -> send(out, "wallboard", m.body()));
    subscribe(ctx, out, List.of(TelephonyAddresses.WALLBOARD), "wallboard", b -> true);
  }

  /** GET /live/agent: the screen pops for the logged-in agent. */
  public void agent(RoutingContext ctx) {
    Actor actor = Sessions.actor(ctx);
    if (!actor.isCentreStaff()) {
      throw WorkflowException.forbidden("for centre staff only");
    }
    HttpServerResponse out = open(ctx);
    String me = actor.username();
    subscribe(
        ctx,
        out,
        List.of(TelephonyBridge.SCREEN_POP),
        "screenpop",
        b -> isFor(b.getString("agent"), me));
  }

  /** AMI names agents by interface ("PJSIP/agent1") or by name; either matches the user. */
  static boolean isFor(String agent, String username) {
    if (agent == null) {
      return false;
    }
    int slash = agent.lastIndexOf('/');
    return (slash >= 0 ? agent.substring(slash + 1) : agent).equals(username);
  }

  private static HttpServerResponse open(RoutingContext ctx) {
    HttpServerResponse out = ctx.response();
    out.setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("Content-Encoding", "identity") // no gzip: it would hold events back
        .putHeader("X-Accel-Buffering", "no");
    out.write(": connected\n\n");
    return out;
  }

  private void subscribe(
      RoutingContext ctx,
      HttpServerResponse out,
      List<String> addresses,
      String event,
      Predicate<JsonObject> wanted) {
    List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
    for (String address : addresses) {
      consumers.add(
          vertx
              .eventBus()
              .<JsonObject>localConsumer(
                  address,
                  m -> {
                    if (m.body() != null && wanted.test(m.body())) {
                      send(out, event, m.body());
                    }
                  }));
    }
    long heartbeat = vertx.setPeriodic(HEARTBEAT_MS, id -> out.write(": keep-alive\n\n"));
    Runnable close =
        () -> {
          vertx.cancelTimer(heartbeat);
          consumers.forEach(MessageConsumer::unregister);
        };
    ctx.request().connection().closeHandler(v -> close.run());
    out.closeHandler(v -> close.run());
  }

  private static void send(HttpServerResponse out, String event, JsonObject body) {
    if (!out.closed() && !out.ended()) {
      out.write("event: " + event + "\ndata: " + body.encode() + "\n\n");
    }
  }
}
