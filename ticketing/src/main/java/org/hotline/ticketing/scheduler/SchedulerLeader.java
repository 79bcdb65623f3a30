package org.hotline.ticketing.scheduler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elects one scheduler among the nodes that share a database: the holder of a PostgreSQL
 * session-level advisory lock on a dedicated connection leads. The others try again every {@code
 * retry}; when the holder dies its connection closes, PostgreSQL releases the lock and the next try
 * takes over. The holder checks its connection at the same pace and steps down when it is lost.
 * Runs on the caller's Vert.x context; not thread-safe.
 */
public final class SchedulerLeader {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerLeader.class);

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private final long lockKey;
  private final Duration retry;
  private final Runnable onAcquired;
  private final Runnable onLost;
  private PgConnection connection;
  private boolean leader;
  private boolean stopped;
  private long timer = -1;

  public SchedulerLeader(
      Vertx vertx,
      PgConnectOptions connect,
      long lockKey,
      Duration retry,
      Runnable onAcquired,
      Runnable onLost) {
    this.vertx = vertx;
    this.connect = connect;
    this.lockKey = lockKey;
    this.retry = retry;
    this.onAcquired = onAcquired;
    this.onLost = onLost;
  }

  public boolean isLeader() {
    return leader;
  }

  /** Starts competing; the first attempt happens at once. */
  public void start() {
    attempt();
  }

  /** Stops competing and closes the lock connection, which releases the lock. */
  public Future<Void> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    boolean was = leader;
    leader = false;
    if (was) {
      onLost.run();
    }
    PgConnection c = connection;
    connection = null;
    return c == null ? Future.succeededFuture() : c.close().otherwiseEmpty();
  }

  private void schedule() {
    if (!stopped) {
      timer = vertx.setTimer(retry.toMillis(), id -> attempt());
    }
  }

  private void attempt() {
    if (stopped) {
      return;
    }
    (connection != null ? Future.succeededFuture(connection) : open())
        .compose(
            c ->
                leader
                    ? c.query("SELECT 1").execute().map(true) // still alive, still holding
                    : c.preparedQuery("SELECT pg_try_advisory_lock($1) AS got")
                        .execute(Tuple.of(lockKey))
                        .map(rows -> rows.iterator().next().getBoolean("got")))
        .onSuccess(
            holds -> {
              if (stopped) {
                return;
              }
              if (holds && !leader) {
                leader = true;
                LOG.info("this node now runs the deadline scheduler (advisory lock {})", lockKey);
                onAcquired.run();
              }
              schedule();
            })
        .onFailure(
            e -> {
              LOG.warn("scheduler lock connection failed: {}", e.getMessage());
              lose();
              schedule();
            });
  }

  private Future<PgConnection> open() {
    return PgConnection.connect(vertx, connect)
        .map(
            c -> {
              connection = c;
              c.closeHandler(
                  v -> {
                    if (connection == c) {
                      connection = null;
                      lose();
                    }
                  });
              c.exceptionHandler(e -> LOG.debug("scheduler lock connection: {}", e.getMessage()));
              return c;
            });
  }

  private void lose() {
    PgConnection c = connection;
    connection = null;
    if (c != null) {
      c.close();
    }
    if (leader) {
      leader = false;
      LOG.warn("this node lost the deadline scheduler lock");
      onLost.run();
    }
  }
}
