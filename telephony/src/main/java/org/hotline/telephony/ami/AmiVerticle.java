package org.hotline.telephony.ami;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.ami.client.AmiConnection;
import org.hotline.telephony.ami.client.Backoff;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.hotline.telephony.ami.records.CallRecordAssembler;
import org.hotline.telephony.ami.state.CallCentreState;
import org.hotline.telephony.ami.state.DailyFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI bridge: keeps one manager connection to Asterisk (login with retry and backoff,
 * asterisk-java's reconnect, a full resync after every login), turns events into live state and
 * call records, publishes them on the event bus, and runs actions for the core. See {@link
 * AmiSettings} for the config keys and {@link TelephonyAddresses} for the messages.
 *
 * <p>All state lives on this verticle's event loop; asterisk-java's event thread only converts an
 * event and hands it over; blocking AMI calls run on a worker pool.
 */
public final class AmiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(AmiVerticle.class);

  private final Clock clock;
  private AmiSettings settings;
  private CallCentreState state;
  private final CallRecordAssembler assembler = new CallRecordAssembler();
  private DailyFigures figures;
  private AmiConnection connection;
  private ExecutorService workers;
  private Backoff backoff;
  private boolean loggingIn;
  private volatile boolean stopped;
  private boolean connected;
  private boolean resyncing;
  private boolean heartbeatRunning;
  private int missedHeartbeats;
  private final List<Map.Entry<AmiMessage, Instant>> duringResync = new ArrayList<>();
  private CallPublisher calls;

  public AmiVerticle() {
    this(Clock.systemUTC());
  }

  /** With a clock of the caller's choosing (tests share one with the simulator). */
  public AmiVerticle(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    settings = AmiSettings.from(config());
    state = new CallCentreState(settings.queues());
    figures = new DailyFigures(settings.zone(), settings.serviceLevelSeconds());
    calls = new CallPublisher(vertx.eventBus(), assembler, figures);
    backoff = new Backoff(settings.reconnectInitialMs(), settings.reconnectMaxMs());
    workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "ami-worker-" + deploymentID());
              t.setDaemon(true);
              return t;
            });
    Context ctx = context;
    connection =
        new AmiConnection(
            settings.host(),
            settings.port(),
            settings.username(),
            settings.secret(),
            settings.actionTimeoutMs(),
            new AmiConnection.Listener() {
              @Override
              public void onEvent(AmiMessage event) {
                Instant at = clock.instant();
                if (!stopped) {
                  hand(ctx, () -> handleEvent(event, at));
                }
              }

              @Override
              public void onConnected() {
                if (!stopped) {
                  hand(ctx, () -> linkUp());
                }
              }

              @Override
              public void onDisconnected() {
                if (!stopped) {
                  hand(ctx, () -> linkDown("connection lost"));
                }
              }
            });
    new AmiActions(this).register(vertx.eventBus());
    vertx.setPeriodic(settings.wallboardIntervalMs(), id -> tick());
    vertx.setPeriodic(settings.heartbeatMs(), id -> heartbeat());
    login();
    return Future.succeededFuture();
  }

  /**
   * Hands work from other threads to the event loop. After Vert.x has shut down the work is dropped
   * instead of failing on the thread that offered it.
   */
  private static void hand(Context ctx, Runnable task) {
    try {
      ctx.runOnContext(v -> task.run());
    } catch (RejectedExecutionException e) {
      LOG.debug("AMI work offered after Vert.x shut down, dropped");
    }
  }

  /**
   * Runs blocking asterisk-java work on the AMI's own worker threads and completes on this
   * verticle's event loop. (Own threads, not a Vert.x worker pool, so that a call still running
   * when Vert.x shuts down cannot fail on a closed event loop.)
   */
  private <T> Future<T> blocking(Callable<T> task) {
    Promise<T> promise = Promise.promise();
    Context ctx = context;
    workers.execute(
        () -> {
          try {
            T result = task.call();
            hand(ctx, () -> promise.complete(result));
          } catch (Throwable e) {
            hand(ctx, () -> promise.fail(e));
          }
        });
    return promise.future();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return blocking(
            () -> {
              connection.close();
              return null;
            })
        .eventually(
            () -> {
              workers.shutdown();
              return Future.succeededFuture();
            });
  }

  // ----- link -----

  private void login() {
    if (stopped || loggingIn) {
      return;
    }
    loggingIn = true;
    blocking(
            () -> {
              if (!stopped) {
                connection.login();
              }
              if (stopped) {
                connection.close(); // stopped while logging in: leave no live link behind
              }
              return null;
            })
        .onComplete(
            r -> {
              loggingIn = false;
              if (r.succeeded()) {
                backoff.reset();
              } else if (!stopped) {
                long delay = backoff.next();
                LOG.warn(
                    "AMI login to {}:{} failed ({}); retrying in {} ms",
                    settings.host(),
                    settings.port(),
                    r.cause().getMessage(),
                    delay);
                publishStatus(false, r.cause().getMessage());
                vertx.setTimer(delay, t -> login());
              }
            });
  }

  private void linkUp() {
    LOG.info("AMI logged in to {}:{}; resyncing", settings.host(), settings.port());
    resync();
  }

  private void linkDown(String why) {
    if (connected) {
      LOG.warn("AMI link to {}:{} down: {}", settings.host(), settings.port(), why);
    }
    connected = false;
    publishStatus(false, why);
  }

  /** Full resync: QueueStatus and CoreShowChannels replace the state; events meanwhile replay. */
  private void resync() {
    resyncing = true;
    duringResync.clear();
    blocking(
            () -> {
              List<AmiMessage> queues = connection.sendList(new QueueStatusAction());
              Instant taken = clock.instant(); // QueueEntry "Wait" counts up to this moment
              List<AmiMessage> channels = connection.sendList(new CoreShowChannelsAction());
              return new Snapshot(queues, channels, taken);
            })
        .onSuccess(
            snap -> {
              Instant at = snap.taken();
              List<List<AmiMessage>> lists = List.of(snap.queues(), snap.channels());
              state.applySnapshot(lists.get(0), lists.get(1), at);
              duringResync.forEach(e -> state.apply(e.getKey(), e.getValue()));
              List<AmiMessage> meanwhile = duringResync.stream().map(Map.Entry::getKey).toList();
              duringResync.clear();
              resyncing = false;
              calls.publish(assembler.reconcile(lists.get(1), lists.get(0), meanwhile, at));
              connected = true;
              publishStatus(true, null);
              publishWallboard();
            })
        .onFailure(
            err -> {
              resyncing = false;
              duringResync.clear();
              LOG.warn("AMI resync failed: {}; retrying", err.getMessage());
              vertx.setTimer(
                  backoff.next(),
                  t -> {
                    if (connection.connected()) {
                      resync();
                    }
                  });
            });
  }

  /**
   * Pings Asterisk; after two unanswered heartbeats in a row the link is dropped and made again
   * (asterisk-java alone does not notice a silent dead connection).
   */
  private void heartbeat() {
    if (!connected || heartbeatRunning) {
      return;
    }
    heartbeatRunning = true;
    long timeout = settings.heartbeatMs();
    blocking(() -> connection.ping(timeout))
        .onComplete(
            r -> {
              heartbeatRunning = false;
              if (r.succeeded() && r.result()) {
                missedHeartbeats = 0;
              } else if (++missedHeartbeats >= 2 && connected) {
                missedHeartbeats = 0;
                linkDown("no answer to Ping");
                blocking(
                    () -> {
                      connection.drop();
                      return null;
                    });
              }
            });
  }

  private record Snapshot(List<AmiMessage> queues, List<AmiMessage> channels, Instant taken) {}

  private void tick() {
    if (!loggingIn && !stopped && connection.needsLogin()) {
      linkDown("not logged in");
      login();
    }
    publishWallboard();
  }

  // ----- events -----

  private void handleEvent(AmiMessage e, Instant at) {
    if (resyncing) {
      duringResync.add(Map.entry(e, at));
    }
    state.apply(e, at);
    for (CallCentreState.PauseChange c : state.drainPauseChanges()) {
      vertx
          .eventBus()
          .publish(
              TelephonyAddresses.AGENT_PAUSE,
              new io.vertx.core.json.JsonObject()
                  .put("agent", c.agent())
                  .put("interface", c.iface())
                  .put("paused", c.paused())
                  .put("reason", c.reason())
                  .put("at", c.at().toString()));
    }
    if (e.isEvent("OriginateResponse")) {
      calls.originateResponse(e, at);
    }
    calls.publish(assembler.apply(e, at));
  }

  private void publishWallboard() {
    vertx.eventBus().publish(TelephonyAddresses.WALLBOARD, wallboard());
  }

  private void publishStatus(boolean up, String error) {
    vertx
        .eventBus()
        .publish(
            TelephonyAddresses.AMI_STATUS,
            new JsonObject()
                .put("connected", up)
                .put("simulated", settings.simulated())
                .put("host", settings.host())
                .put("port", settings.port())
                .put("at", TelephonyJson.time(clock.instant()))
                .put("error", error));
  }

  // ----- used by AmiActions (same event loop) -----

  JsonObject wallboard() {
    return TelephonyJson.wallboard(
        state, figures, clock.instant(), connected, settings.simulated());
  }

  AmiSettings settings() {
    return settings;
  }

  CallCentreState state() {
    return state;
  }

  Instant now() {
    return clock.instant();
  }

  boolean connected() {
    return connected;
  }

  /** Sends an action on a worker; fails when Asterisk answers Error. */
  Future<AmiMessage> send(ManagerAction action) {
    if (!connection.connected()) {
      return Future.failedFuture("AMI not connected");
    }
    return blocking(() -> connection.send(action))
        .compose(
            r ->
                "Error".equalsIgnoreCase(r.get("Response"))
                    ? Future.failedFuture(r.text("Message", "Asterisk refused the action"))
                    : Future.succeededFuture(r));
  }

  void expectOriginate(String actionId, JsonObject request) {
    calls.expectOriginate(actionId, request);
  }

  void forgetOriginate(String actionId) {
    calls.forgetOriginate(actionId);
  }

  void noteTransfer(String callId, String kind, String target, String result) {
    assembler.transferRequested(callId, kind, target, result, clock.instant());
  }

  void transferResult(String callId, String kind, String result) {
    assembler.transferResult(callId, kind, result);
  }

  void conferenceOpened(String callId, String room, String legLinkedId) {
    assembler.conferenceOpened(callId, room, legLinkedId);
  }

  void expectConferenceLeg(String actionId, String callId) {
    calls.expectConferenceLeg(actionId, callId);
  }
}
