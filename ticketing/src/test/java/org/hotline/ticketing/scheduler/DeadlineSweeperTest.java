package org.hotline.ticketing.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sweeps at chosen moments (the sweep takes "now" as an argument, as the verticle passes its clock)
 * against real PostgreSQL, across the 2026 National Day holiday.
 */
class DeadlineSweeperTest {

  /** 2026-09-30 16:00 + 1 working day = 10-08 16:00; + 2 working days = 10-09 16:00. */
  private static final ZonedDateTime DISPATCH = at(2026, 9, 30, 16, 0);

  private SchedulerDb db;
  private DeadlineSweeper sweeper;

  @BeforeEach
  void setUp() throws Exception {
    db = SchedulerDb.get();
    db.reset();
    // supervision far away unless a test is about it
    sweeper = sweeper(SchedulerSettings.defaults().withSuperviseGrace(Duration.ofDays(365)));
  }

  private DeadlineSweeper sweeper(SchedulerSettings settings) throws Exception {
    return new DeadlineSweeper(
        db.pool,
        () -> Future.succeededFuture(db.calendar),
        new SmsOutbox(),
        new SmsTemplates(),
        settings);
  }

  private static ZonedDateTime at(int y, int mo, int d, int h, int mi) {
    return LocalDateTime.of(y, mo, d, h, mi).atZone(WorkingCalendar.SHANGHAI);
  }

  private SweepReport sweep(ZonedDateTime now) throws Exception {
    return SchedulerDb.await(sweeper.sweep(now));
  }

  private long events(long order, String action) throws Exception {
    return db.count(
        "SELECT count(*) FROM order_event WHERE order_id = ? AND action = ? AND actor = 'scheduler'",
        order,
        action);
  }

  private long sms(String prefix) throws Exception {
    return db.count("SELECT count(*) FROM sms_message WHERE dedupe_key LIKE ?", prefix + "%");
  }

  @Test
  void warnsAndMarksOverdueAtWorkingTimeMomentsAcrossNationalDay() throws Exception {
    long dispatched = db.insertOrder("DISPATCHED", "consult", false, DISPATCH);
    long accepted = db.insertOrder("ACCEPTED", "consult", false, DISPATCH);
    assertThat(
            db.count(
                "SELECT count(*) FROM work_order WHERE due_deadline = ?",
                at(2026, 10, 9, 16, 0).toOffsetDateTime()))
        .isEqualTo(2);

    // 75 % in natural time would be 10-07 10:00; in working time nothing is due during the holiday.
    assertThat(sweep(at(2026, 10, 7, 12, 0)))
        .extracting(SweepReport::warnings, SweepReport::overdue)
        .containsExactly(0, 0);
    assertThat(db.count("SELECT count(*) FROM work_order WHERE sign_warn_at IS NULL")).isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM work_order WHERE due_warn_at = ?",
                at(2026, 10, 9, 11, 0).toOffsetDateTime()))
        .isEqualTo(2);

    // Sign: 7 h of working time, 75 % = 5 h 15 min → 10-08 14:15.
    assertThat(sweep(at(2026, 10, 8, 14, 14)).warnings()).isZero();
    SweepReport signWarning = sweep(at(2026, 10, 8, 14, 16));
    assertThat(signWarning.warnings()).isEqualTo(1);
    assertThat(events(dispatched, "deadline-warning")).isEqualTo(1);
    assertThat(events(accepted, "deadline-warning")).isZero();
    // two mobiles at u1; the landline gets nothing
    assertThat(sms("warning:sign:" + dispatched + ":")).isEqualTo(2);
    assertThat(
            db.count(
                "SELECT count(*) FROM sms_message WHERE dedupe_key LIKE ? AND kind = 'warning'"
                    + " AND text LIKE '%10月8日16:00%'",
                "warning:sign:" + dispatched + ":%"))
        .isEqualTo(2);

    // Sign deadline 10-08 16:00 passes.
    assertThat(sweep(at(2026, 10, 8, 15, 59)).overdue()).isZero();
    assertThat(sweep(at(2026, 10, 8, 16, 1)).overdue()).isEqualTo(1);
    assertThat(events(dispatched, "overdue")).isEqualTo(1);
    assertThat(sms("overdue:sign:" + dispatched + ":")).isEqualTo(2);

    // Due: 14 h, 75 % = 10 h 30 min → 10-09 11:00, for both orders.
    assertThat(sweep(at(2026, 10, 9, 10, 59)).warnings()).isZero();
    assertThat(sweep(at(2026, 10, 9, 11, 1)).warnings()).isEqualTo(2);
    assertThat(events(accepted, "deadline-warning")).isEqualTo(1);
    assertThat(events(dispatched, "deadline-warning")).isEqualTo(2);

    assertThat(sweep(at(2026, 10, 9, 16, 1)).overdue()).isEqualTo(2);
    assertThat(events(accepted, "overdue")).isEqualTo(1);

    // The history events carry the deadline and leave state and version alone.
    assertThat(
            db.count(
                "SELECT count(*) FROM order_event WHERE order_id = ? AND action = 'overdue'"
                    + " AND from_state = 'ACCEPTED' AND to_state = 'ACCEPTED'"
                    + " AND payload->>'kind' = 'due' AND (payload->>'deadline')::timestamptz = ?",
                accepted,
                at(2026, 10, 9, 16, 0).toOffsetDateTime()))
        .isEqualTo(1);
    assertThat(db.count("SELECT max(version) FROM work_order")).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM work_order WHERE state IN ('DISPATCHED','ACCEPTED')"))
        .isEqualTo(2);
  }

  @Test
  void restartAfterDowntimeSendsNothingTwice() throws Exception {
    long order = db.insertOrder("DISPATCHED", "consult", false, DISPATCH);
    // Down for the whole holiday and beyond: both deadlines passed unseen; catch-up marks overdue
    // without a stale warning.
    SweepReport first = sweep(at(2026, 10, 12, 9, 0));
    assertThat(first.overdue()).isEqualTo(2);
    assertThat(first.warnings()).isZero();
    long events = db.count("SELECT count(*) FROM order_event");
    long messages = db.count("SELECT count(*) FROM sms_message");
    assertThat(messages).isEqualTo(4);

    // A new node (fresh sweeper) that lost every check moment (as if the progress was never saved).
    db.execute("UPDATE work_order SET sign_warn_at = NULL, due_warn_at = NULL");
    db.execute("UPDATE scheduler_state SET swept_until = '-infinity'");
    sweeper = sweeper(SchedulerSettings.defaults().withSuperviseGrace(Duration.ofDays(365)));
    SweepReport again = sweep(at(2026, 10, 12, 9, 5));
    assertThat(again.overdue()).isZero();
    assertThat(again.sms()).isZero();
    assertThat(sweep(at(2026, 10, 12, 9, 10)).isEmpty()).isTrue();
    assertThat(db.count("SELECT count(*) FROM order_event")).isEqualTo(events);
    assertThat(db.count("SELECT count(*) FROM sms_message")).isEqualTo(messages);
    assertThat(events(order, "overdue")).isEqualTo(2);
  }

  @Test
  void supervisesAfterTheGrace() throws Exception {
    sweeper = sweeper(SchedulerSettings.defaults().withSuperviseGrace(Duration.ofMinutes(60)));
    long order = db.insertOrder("ACCEPTED", "consult", false, DISPATCH);
    assertThat(sweep(at(2026, 10, 9, 16, 1)).overdue()).isEqualTo(1);
    assertThat(sweep(at(2026, 10, 9, 16, 30)).supervised()).isZero();
    assertThat(db.count("SELECT count(*) FROM work_order WHERE supervised")).isZero();

    assertThat(sweep(at(2026, 10, 9, 17, 2)).supervised()).isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM work_order WHERE id = ? AND supervised AND version = 2"
                    + " AND supervision_note = '超期自动督办' AND state = 'ACCEPTED'",
                order))
        .isEqualTo(1);
    assertThat(events(order, "supervise")).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM outbox WHERE topic = 'order.supervise'"))
        .isEqualTo(1);
    // once only
    assertThat(sweep(at(2026, 10, 9, 18, 0)).supervised()).isZero();
    assertThat(events(order, "supervise")).isEqualTo(1);
  }

  @Test
  void supervisionSkipsAnOrderThatMovedOn() throws Exception {
    sweeper = sweeper(SchedulerSettings.defaults().withSuperviseGrace(Duration.ofMinutes(60)));
    long order = db.insertOrder("ACCEPTED", "consult", false, DISPATCH);
    assertThat(sweep(at(2026, 10, 9, 16, 1)).overdue()).isEqualTo(1);
    // the unit replies before the grace ends
    db.execute(
        "UPDATE work_order SET state = 'REPLIED', version = version + 1 WHERE id = ?", order);
    assertThat(sweep(at(2026, 10, 9, 18, 0)).supervised()).isZero();
    assertThat(db.count("SELECT count(*) FROM work_order WHERE supervised")).isZero();
    assertThat(db.count("SELECT count(*) FROM deadline_notice WHERE escalated")).isEqualTo(1);
  }

  @Test
  void pausedOrdersAreNotFlagged() throws Exception {
    long paused = db.insertOrder("DISPATCHED", "consult", false, DISPATCH);
    db.execute(
        "UPDATE work_order SET pending = '{\"type\":\"return\",\"reason\":\"非本单位职责\",\"unit\":\"u1\"}',"
            + " paused_since = ? WHERE id = ?",
        at(2026, 10, 8, 10, 0).toOffsetDateTime(),
        paused);
    SweepReport r = sweep(at(2026, 10, 20, 9, 0));
    assertThat(r.warnings() + r.overdue()).isZero();
    assertThat(db.count("SELECT count(*) FROM order_event WHERE order_id = ?", paused)).isZero();
    assertThat(db.count("SELECT count(*) FROM sms_message")).isZero();
  }

  @Test
  void aMovedDeadlineIsCheckedAgain() throws Exception {
    long order = db.insertOrder("ACCEPTED", "consult", false, DISPATCH);
    assertThat(sweep(at(2026, 10, 9, 11, 1)).warnings()).isEqualTo(1);
    // extension approved: new completion deadline 10-16 16:00; the trigger resets the check
    db.execute(
        "UPDATE work_order SET due_deadline = ? WHERE id = ?",
        at(2026, 10, 16, 16, 0).toOffsetDateTime(),
        order);
    assertThat(sweep(at(2026, 10, 9, 16, 1)).overdue()).isZero();
    assertThat(sweep(at(2026, 10, 16, 16, 1)).overdue()).isEqualTo(1);
    assertThat(sms("overdue:due:" + order + ":" + at(2026, 10, 16, 16, 0).toEpochSecond()))
        .isEqualTo(2);
  }

  @Test
  void urgentOrderUnsignedFor30MinutesIsFlagged() throws Exception {
    ZonedDateTime dispatched = at(2026, 10, 3, 22, 0); // holidays do not matter for urgent orders
    long urgent = db.insertOrder("DISPATCHED", "help", true, dispatched);
    // natural time: 75 % of 30 min = 22:22:30
    assertThat(sweep(at(2026, 10, 3, 22, 22)).warnings()).isZero();
    assertThat(sweep(at(2026, 10, 3, 22, 23)).warnings()).isEqualTo(1);
    SweepReport late = sweep(at(2026, 10, 3, 22, 31));
    assertThat(late.overdue()).isEqualTo(1);
    assertThat(late.urgentUnsigned()).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM urgent_unsigned WHERE id = ?", urgent)).isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM sms_message WHERE ticket_id = ? AND kind = 'overdue' AND urgent",
                urgent))
        .isEqualTo(2);
    // signed: it leaves the wallboard
    db.execute("UPDATE work_order SET state = 'ACCEPTED' WHERE id = ?", urgent);
    assertThat(db.count("SELECT count(*) FROM urgent_unsigned")).isZero();
  }

  @Test
  void anOrderSentBackToTheUnitAfterItsDeadlineIsFlagged() throws Exception {
    long order = db.insertOrder("ACCEPTED", "consult", false, DISPATCH);
    // replied in time, then the deadline passes while the centre reviews
    db.execute("UPDATE work_order SET state = 'REPLIED' WHERE id = ?", order);
    assertThat(sweep(at(2026, 10, 12, 9, 0)).overdue()).isZero();
    // review-reject (重办): back at the unit, late; the trigger makes the next sweep look again
    db.execute("UPDATE work_order SET state = 'ACCEPTED' WHERE id = ?", order);
    SweepReport r = sweep(at(2026, 10, 12, 9, 5));
    assertThat(r.overdue()).isEqualTo(1);
    assertThat(r.warnings()).isZero();
    assertThat(events(order, "overdue")).isEqualTo(1);
  }
}
