package org.hotline.telephony.sim;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.sim.agi.LiveAgiCall;
import org.hotline.telephony.sim.ami.SimulatedPbx;

/**
 * Calls a person places through the PBX simulator (for {@code scripts/run} without Asterisk, and
 * for browser tests): the caller's channel appears on AMI, runs the IVR over a real FastAGI socket
 * with the keys the person presses, and the dialplan goes on as the sample extensions.conf does
 * (HOTLINE_ROUTE=queue or an AGI failure → the queue; anything else → hang up). An agent answers
 * from the queue. What the IVR said and did is kept per call.
 *
 * <p>Runs on the Vert.x context it was created on; the simulator's blocking socket writes run on
 * worker threads. Every method returns a future completed on that context.
 */
public final class SimulatedCalls {
  /** More would be a runaway script, not a person at a keypad. */
  public static final int MAX_LIVE_CALLS = 50;

  /** Ended calls kept for GET; older ones are forgotten. */
  static final int KEPT_ENDED_CALLS = 200;

  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
  private static final Pattern DIGITS = Pattern.compile("[0-9*#]{1,32}");
  private static final Pattern AGENT = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
  private static final java.util.List<String> SCRIPTS = java.util.List.of("hotline", "survey");

  private final Vertx vertx;
  private final Context context;
  private final SimulatedPbx pbx;
  private final NetClient client;
  private final String agiHost;
  private final int agiPort;
  private final double timeScale;
  private final Clock clock;
  private final Map<String, SimulatedCall> calls = new LinkedHashMap<>();

  /** {@code timeScale} 1.0 plays prompts at their length; tests use less. */
  public SimulatedCalls(
      Vertx vertx, SimulatedPbx pbx, String agiHost, int agiPort, double timeScale, Clock clock) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.pbx = pbx;
    this.client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true));
    this.agiHost = agiHost;
    this.agiPort = agiPort;
    this.timeScale = timeScale;
    this.clock = clock;
  }

  /** A bad request: the message starts with the field name. */
  public static final class Refused extends RuntimeException {
    public final String field;
    public final boolean conflict;

    Refused(String field, String message, boolean conflict) {
      super(message);
      this.field = field;
      this.conflict = conflict;
    }
  }

  /** Places a call from {@code caller} into {@code script} (hotline by default). */
  public Future<JsonObject> place(String caller, String script) {
    return onContext(
            () -> {
              if (caller == null || !NUMBER.matcher(caller).matches()) {
                throw new Refused("caller", "caller must be 3 to 20 digits", false);
              }
              String s = script == null ? "hotline" : script;
              if (!SCRIPTS.contains(s)) {
                throw new Refused("script", "script must be one of " + SCRIPTS, false);
              }
              if (calls.values().stream().filter(c -> !c.ended()).count() >= MAX_LIVE_CALLS) {
                throw new Refused("caller", "too many simulated calls at once", true);
              }
              return s;
            })
        .compose(s -> blocking(() -> pbx.callerArrives(caller)).map(id -> Map.entry(id, s)))
        .compose(
            e -> {
              SimulatedCall call = new SimulatedCall(e.getKey(), caller, e.getValue(), clock);
              forgetOldEndedCalls();
              calls.put(call.id, call);
              java.util.List<String> args =
                  "survey".equals(call.script)
                      ? java.util.List.of(call.id, caller)
                      : java.util.List.<String>of();
              LiveAgiCall.dial(
                      vertx,
                      client,
                      agiHost,
                      agiPort,
                      call.script,
                      call.id,
                      caller,
                      args,
                      timeScale,
                      call::ivrCommand)
                  .onSuccess(
                      live -> {
                        call.live = live;
                        if (call.typedAhead.length() > 0) {
                          live.press(call.typedAhead.toString());
                        }
                        live.ended().onComplete(vars -> ivrEnded(call, vars.result()));
                      })
                  .onFailure(err -> ivrEnded(call, null)); // AGISTATUS=FAILURE → the queue
              return Future.succeededFuture(call.json());
            });
  }

  public Future<JsonObject> dtmf(String id, String digits) {
    return withCall(
        id,
        call -> {
          if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new Refused("digits", "digits: 1 to 32 of 0-9, * and #", false);
          }
          if (call.state != SimulatedCall.State.IVR) {
            throw new Refused("digits", "the call is not in the IVR", true);
          }
          call.keysPressed(digits);
          if (call.live != null) {
            call.live.press(digits);
          } else {
            call.typedAhead.append(digits); // the AGI is still connecting
          }
          return Future.succeededFuture(call.json());
        });
  }

  /** The caller hangs up wherever the call is. */
  public Future<JsonObject> hangup(String id) {
    return withCall(
        id,
        call -> {
          if (call.ended()) {
            throw new Refused("id", "the call has ended", true);
          }
          call.state = SimulatedCall.State.ENDED;
          call.note("hangup", "市民挂机 / caller hung up");
          if (call.live != null) {
            call.live.hangup();
          }
          return blocking(
                  () -> {
                    pbx.callerHangsUp(call.id);
                    return call.json();
                  })
              .map(v -> call.json());
        });
  }

  /** An agent answers the waiting call (logged into the queue first if needed): screen pop. */
  public Future<JsonObject> answer(String id, String agent) {
    return withCall(
        id,
        call -> {
          if (agent == null || !AGENT.matcher(agent).matches()) {
            throw new Refused("agent", "agent: 1 to 64 letters, digits or _.@-", false);
          }
          if (call.state != SimulatedCall.State.QUEUED) {
            throw new Refused("id", "the call is not waiting in the queue", true);
          }
          String iface = "PJSIP/" + agent;
          return blocking(
                  () -> {
                    if (pbx.addAgent(pbx.queueNames().get(0), iface, agent, false, "")) {
                      call.note("agent-login", agent);
                    }
                    pbx.agentAnswers(call.id, iface);
                    return agent;
                  })
              .map(
                  a -> {
                    call.agent = a;
                    call.state = SimulatedCall.State.TALKING;
                    call.note("answered", a);
                    return call.json();
                  });
        });
  }

  public Future<Optional<JsonObject>> get(String id) {
    return onContext(() -> Optional.ofNullable(calls.get(id)).map(SimulatedCall::json));
  }

  /** The dialplan after the AGI: to the queue, or the caller's channel hangs up. */
  private void ivrEnded(SimulatedCall call, Map<String, String> variables) {
    String route = variables == null ? "queue" : variables.get(TelephonyAddresses.VAR_ROUTE);
    call.route = route;
    call.variables = variables == null ? Map.of() : variables;
    call.note("ivr-end", variables == null ? "AGISTATUS=FAILURE" : "HOTLINE_ROUTE=" + route);
    if (call.ended()) {
      return;
    }
    boolean toQueue = "queue".equals(route) && !"survey".equals(call.script);
    if (toQueue) {
      call.state = SimulatedCall.State.QUEUED;
    } else {
      call.state = SimulatedCall.State.ENDED;
    }
    blocking(
            () -> {
              if (route != null) {
                pbx.setVariable(call.id, TelephonyAddresses.VAR_ROUTE, route);
              }
              if (toQueue) {
                pbx.joinQueue(call.id);
              } else {
                pbx.callerHangsUp(call.id);
              }
              return null;
            })
        .onFailure(e -> call.note("error", e.getMessage()));
  }

  private void forgetOldEndedCalls() {
    long ended = calls.values().stream().filter(SimulatedCall::ended).count();
    var it = calls.values().iterator();
    while (ended > KEPT_ENDED_CALLS && it.hasNext()) {
      if (it.next().ended()) {
        it.remove();
        ended--;
      }
    }
  }

  private Future<JsonObject> withCall(
      String id, java.util.function.Function<SimulatedCall, Future<JsonObject>> action) {
    return onContext(() -> calls.get(id))
        .compose(
            call -> {
              if (call == null) {
                return Future.failedFuture(
                    new java.util.NoSuchElementException("no simulated call " + id));
              }
              return action.apply(call);
            });
  }

  private <T> Future<T> onContext(Callable<T> task) {
    Promise<T> p = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            p.complete(task.call());
          } catch (Exception e) {
            p.fail(e);
          }
        });
    return p.future();
  }

  /** Simulator calls write to AMI sockets: off the event loop, back on this context. */
  private <T> Future<T> blocking(Callable<T> task) {
    Promise<T> p = Promise.promise();
    vertx.<T>executeBlocking(task, false).onComplete(r -> context.runOnContext(v -> p.handle(r)));
    return p.future();
  }
}
