package org.hotline.ticketing.scheduler;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.calendar.CalendarRepository;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.callback.CallbackLoop;
import org.hotline.ticketing.config.HotlineConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deadline scheduler of one node: competes for leadership through {@link SchedulerLeader} and,
 * while leading, runs a {@link DeadlineSweeper} at once (catch-up) and then every interval. Has its
 * own small pool so that sweeps never queue behind web requests.
 */
public final class SchedulerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);

  private final HotlineConfig config;
  private final SchedulerSettings settings;
  private final Clock clock;
  private final SmsTemplates templates;
  private final CallbackLoop callbacks;
  private final AtomicInteger sweeps = new AtomicInteger();
  private Pool pool;
  private SchedulerLeader leader;
  private DeadlineSweeper sweeper;
  private long periodic = -1;
  private boolean running;
  private volatile boolean leading;

  /** Settings from the HOTLINE_SCHEDULER_* variables of the configuration's environment. */
  public SchedulerVerticle(
      HotlineConfig config, Clock clock, SmsTemplates templates, CallbackLoop callbacks) {
    this(config, SchedulerSettings.fromEnv(config.env()), clock, templates, callbacks);
  }

  public SchedulerVerticle(
      HotlineConfig config, SchedulerSettings settings, Clock clock, SmsTemplates templates) {
    this(config, settings, clock, templates, null);
  }

  /**
   * @param callbacks the callback loop (回访) the leader also runs after each sweep; null for none
   */
  public SchedulerVerticle(
      HotlineConfig config,
      SchedulerSettings settings,
      Clock clock,
      SmsTemplates templates,
      CallbackLoop callbacks) {
    this.config = config;
    this.settings = settings;
    this.clock = clock;
    this.templates = templates;
    this.callbacks = callbacks;
  }

  /** True while this node holds the scheduler lock. */
  public boolean isLeader() {
    return leading;
  }

  /** Sweeps completed by this node. */
  public int sweeps() {
    return sweeps.get();
  }

  @Override
  public Future<?> start() {
    if (!settings.enabled()) {
      LOG.info("deadline scheduler disabled on this node (HOTLINE_SCHEDULER=false)");
      return Future.succeededFuture();
    }
    PgConnectOptions connect = connectOptions(config);
    pool =
        PgBuilder.pool()
            .with(new PoolOptions().setMaxSize(2))
            .connectingTo(connect)
            .using(vertx)
            .build();
    CalendarRepository calendars = new CalendarRepository(pool);
    sweeper =
        new DeadlineSweeper(pool, calendars::loadCalendar, new SmsOutbox(), templates, settings);
    leader =
        new SchedulerLeader(
            vertx, connect, settings.lockKey(), settings.lockRetry(), this::lead, this::follow);
    leader.start();
    return Future.succeededFuture();
  }

  private void lead() {
    leading = true;
    sweep();
    periodic = vertx.setPeriodic(settings.interval().toMillis(), id -> sweep());
  }

  private void follow() {
    leading = false;
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
      periodic = -1;
    }
  }

  private void sweep() {
    if (running || !leader.isLeader()) {
      return;
    }
    running = true;
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(WorkingCalendar.SHANGHAI);
    long started = System.nanoTime();
    sweeper
        .sweep(now)
        .transform(
            swept ->
                callbacks(now)
                    .transform(
                        v ->
                            swept.succeeded()
                                ? Future.succeededFuture(swept.result())
                                : Future.<SweepReport>failedFuture(swept.cause())))
        .onComplete(
            r -> {
              running = false;
              if (r.succeeded()) {
                sweeps.incrementAndGet();
                if (!r.result().isEmpty()) {
                  LOG.info(
                      "deadline sweep in {} ms: {}",
                      (System.nanoTime() - started) / 1_000_000,
                      r.result());
                }
              } else {
                LOG.error("deadline sweep failed", r.cause());
              }
            });
  }

  /** The callback loop's pass; its failure is logged and does not fail the sweep. */
  private Future<Void> callbacks(ZonedDateTime now) {
    if (callbacks == null || !leader.isLeader()) {
      return Future.succeededFuture();
    }
    return callbacks
        .pass(now)
        .map(
            r -> {
              if (!r.isEmpty()) {
                LOG.info("callback loop: {}", r);
              }
              return (Void) null;
            })
        .otherwise(
            e -> {
              LOG.error("callback loop pass failed", e);
              return null;
            });
  }

  @Override
  public Future<?> stop() {
    follow();
    Future<Void> lock = leader == null ? Future.succeededFuture() : leader.stop();
    return lock.eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }

  /**
   * The scheduler's sessions: JIT compilation off, since the planner's cost estimate over a large
   * work_order table would trigger it for the sweep statements and compiling costs more than they
   * run (they read only index ranges).
   */
  static PgConnectOptions connectOptions(HotlineConfig c) {
    return new PgConnectOptions()
        .addProperty("jit", "off")
        .setHost(c.pgHost())
        .setPort(c.pgPort())
        .setDatabase(c.pgDatabase())
        .setUser(c.pgUser())
        .setPassword(c.pgPassword())
        .setCachePreparedStatements(true);
  }
}
