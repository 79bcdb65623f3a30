package org.hotline.ticketing.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.sms.templates.SmsTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two scheduler nodes against one database: one sweeps; when it goes, the other takes over. */
class SchedulerLeaderTest {

  private SchedulerDb db;
  private long lockKey;
  private SchedulerVerticle a;
  private SchedulerVerticle b;
  private String idA;
  private String idB;

  @BeforeEach
  void setUp() throws Exception {
    db = SchedulerDb.get();
    db.reset();
    lockKey = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
    a = node();
    b = node();
    idA = SchedulerDb.await(db.vertx.deployVerticle(a));
    idB = SchedulerDb.await(db.vertx.deployVerticle(b));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (String id : new String[] {idA, idB}) {
      if (id != null && db.vertx.deploymentIDs().contains(id)) {
        SchedulerDb.await(db.vertx.undeploy(id));
      }
    }
  }

  private SchedulerVerticle node() {
    SchedulerSettings s =
        new SchedulerSettings(
            true,
            Duration.ofMillis(150),
            75,
            Duration.ofDays(1),
            Duration.ofMillis(200),
            1000,
            lockKey);
    Clock clock = Clock.fixed(Instant.parse("2026-10-12T01:00:00Z"), ZoneOffset.UTC);
    return new SchedulerVerticle(db.config, s, clock, new SmsTemplates());
  }

  private long leaders() {
    return List.of(a, b).stream().filter(SchedulerVerticle::isLeader).count();
  }

  private long lockHolderPid() throws Exception {
    return db.count(
        "SELECT coalesce(max(pid), 0) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            + " AND classid = 0 AND objid = ? AND objsubid = 1",
        lockKey);
  }

  @Test
  void onlyOneNodeSweepsAndTheOtherTakesOverWhenItStops() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
    SchedulerVerticle holder = a.isLeader() ? a : b;
    SchedulerVerticle other = holder == a ? b : a;
    await().atMost(Duration.ofSeconds(10)).until(() -> holder.sweeps() >= 3);
    // several retry periods later the follower still has not swept
    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(5))
        .until(() -> leaders() == 1 && other.sweeps() == 0 && !other.isLeader());

    SchedulerDb.await(db.vertx.undeploy(holder == a ? idA : idB));
    await().atMost(Duration.ofSeconds(10)).until(other::isLeader);
    await().atMost(Duration.ofSeconds(10)).until(() -> other.sweeps() >= 2);
    assertThat(lockHolderPid()).isPositive();
  }

  @Test
  void aDeadHolderConnectionHandsTheLockOver() throws Exception {
    await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
    long killed = lockHolderPid();
    assertThat(killed).isPositive();
    SchedulerVerticle holder = a.isLeader() ? a : b;
    SchedulerVerticle other = holder == a ? b : a;
    int otherSweeps = other.sweeps();
    assertThat(otherSweeps).isZero();

    // The holder's database session dies (as when its node crashes or is cut off).
    assertThat(db.count("SELECT count(*) FROM pg_terminate_backend(?) WHERE true", (int) killed))
        .isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lockHolderPid() > 0 && lockHolderPid() != killed);
    await().atMost(Duration.ofSeconds(10)).until(() -> leaders() == 1);
    SchedulerVerticle now = a.isLeader() ? a : b;
    int before = now.sweeps();
    await().atMost(Duration.ofSeconds(10)).until(() -> now.sweeps() > before);
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(5))
        .until(() -> leaders() == 1);
  }
}
