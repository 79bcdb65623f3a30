package org.hotline.ticketing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ticketing.report.ReportDb.await;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The evaluation (考核) on a hand-checked data set: two units, nine orders with known histories, the
 * week of 2026-11-02 (Mon) to 2026-11-08 (Sun) in Asia/Shanghai, judged as of 2026-11-30 12:00.
 * Every expected figure is worked out in the comments next to the order that causes it.
 */
class EvaluationQueryTest {

  static final OffsetDateTime AS_OF = t("2026-11-30T12:00");

  ReportDb db;
  ReportPeriod week;
  long a4;

  static OffsetDateTime t(String local) {
    return LocalDateTime.parse(local).atOffset(ZoneOffset.ofHours(8));
  }

  @BeforeEach
  void dataSet() throws Exception {
    db = ReportDb.get();
    db.reset();
    week =
        ReportPeriod.parse(
            "week", "2026-11-05", null, null, AS_OF.toLocalDate(), WorkingCalendar.SHANGHAI);

    // A1 (ua): signed and replied on time; reply accepted; one unreachable attempt, then 满意.
    long a1 =
        db.order(
            "CLOSED",
            "ua",
            t("2026-11-02T08:30"),
            t("2026-11-02T17:00"),
            t("2026-11-02T10:00"),
            t("2026-11-10T17:30"),
            t("2026-11-09T15:00"),
            null);
    db.event(a1, "dispatch", "dispatcher1", t("2026-11-02T09:00"), "{\"unit\":\"ua\"}");
    db.event(a1, "sign", "u-ua", t("2026-11-02T10:00"), null);
    db.event(a1, "reply", "u-ua", t("2026-11-09T15:00"), null);
    db.event(a1, "review-accept", "reviewer1", t("2026-11-09T16:00"), null);
    db.event(a1, "callback", "agent1", t("2026-11-10T10:00"), "{\"result\":\"unreachable\"}");
    db.event(a1, "callback", "agent1", t("2026-11-10T15:00"), "{\"result\":\"satisfied\"}");

    // A2 (ua): 不满意 by SMS, so re-handled (重办); the row now holds the second round: signed on
    // time, due 11-30 17:30, not yet replied (not due at 12:00). Latest rating: dissatisfied.
    long a2 =
        db.order(
            "ACCEPTED",
            "ua",
            t("2026-11-03T08:00"),
            t("2026-11-20T17:00"),
            t("2026-11-20T10:00"),
            t("2026-11-30T17:30"),
            null,
            null);
    db.event(a2, "dispatch", "dispatcher1", t("2026-11-03T09:00"), "{\"unit\":\"ua\"}");
    db.event(a2, "sign", "u-ua", t("2026-11-04T09:00"), null);
    db.event(a2, "reply", "u-ua", t("2026-11-13T09:00"), null);
    db.event(a2, "review-accept", "reviewer1", t("2026-11-13T10:00"), null);
    db.event(a2, "callback", "sms", t("2026-11-20T09:00"), "{\"result\":\"dissatisfied\"}");
    db.event(a2, "sign", "u-ua", t("2026-11-20T10:00"), null);

    // A3: dispatched to ua, returned (退单) and re-dispatched to ub, which signs and replies on
    // time; the reply is accepted but nobody has called back yet.
    long a3 =
        db.order(
            "CALLBACK",
            "ub",
            t("2026-11-04T08:00"),
            t("2026-11-05T17:00"),
            t("2026-11-05T11:00"),
            t("2026-11-20T17:30"),
            t("2026-11-10T11:00"),
            null);
    db.event(a3, "dispatch", "dispatcher1", t("2026-11-04T09:00"), "{\"unit\":\"ua\"}");
    db.event(a3, "return-request", "u-ua", t("2026-11-04T11:00"), "{\"type\":\"return\"}");
    db.event(a3, "return-approve", "dispatcher1", t("2026-11-04T15:00"), null);
    db.event(a3, "dispatch", "dispatcher1", t("2026-11-05T09:00"), "{\"unit\":\"ub\"}");
    db.event(a3, "sign", "u-ub", t("2026-11-05T11:00"), null);
    db.event(a3, "reply", "u-ub", t("2026-11-10T11:00"), null);
    db.event(a3, "review-accept", "reviewer1", t("2026-11-10T14:00"), null);

    // A4 (ua): never signed; sign and completion deadlines long past: late on both counts.
    a4 =
        db.order(
            "DISPATCHED",
            "ua",
            t("2026-11-05T08:00"),
            t("2026-11-05T17:00"),
            null,
            t("2026-11-20T17:30"),
            null,
            null);
    db.event(a4, "dispatch", "dispatcher1", t("2026-11-05T09:00"), "{\"unit\":\"ua\"}");

    // A5 (ua): on time; the review sends the reply back once (重办); the second reply is on time
    // too; 基本满意.
    long a5 =
        db.order(
            "CLOSED",
            "ua",
            t("2026-11-06T08:00"),
            t("2026-11-06T17:00"),
            t("2026-11-06T09:30"),
            t("2026-11-16T17:30"),
            t("2026-11-14T10:00"),
            null);
    db.event(a5, "dispatch", "dispatcher1", t("2026-11-06T09:00"), "{\"unit\":\"ua\"}");
    db.event(a5, "sign", "u-ua", t("2026-11-06T09:30"), null);
    db.event(a5, "reply", "u-ua", t("2026-11-10T10:00"), null);
    db.event(a5, "review-reject", "reviewer1", t("2026-11-10T11:00"), null);
    db.event(a5, "reply", "u-ua", t("2026-11-14T10:00"), null);
    db.event(a5, "review-accept", "reviewer1", t("2026-11-14T11:00"), null);
    db.event(a5, "callback", "ivr", t("2026-11-15T10:00"), "{\"result\":\"basically_satisfied\"}");

    // A6 (ua): signed late; an extension request stops the clock: completion not judged yet.
    long a6 =
        db.order(
            "ACCEPTED",
            "ua",
            t("2026-11-07T08:00"),
            t("2026-11-09T17:00"),
            t("2026-11-10T09:00"),
            t("2026-11-15T17:30"),
            null,
            t("2026-11-12T09:00"));
    db.event(a6, "dispatch", "dispatcher1", t("2026-11-07T09:00"), "{\"unit\":\"ua\"}");
    db.event(a6, "sign", "u-ua", t("2026-11-10T09:00"), null);
    db.event(a6, "extension-request", "u-ua", t("2026-11-12T09:00"), "{\"type\":\"extension\"}");

    // A7 (ua): dispatched the Friday before the week: not in the period.
    long a7 =
        db.order(
            "DISPATCHED",
            "ua",
            t("2026-10-30T08:00"),
            t("2026-10-30T17:00"),
            null,
            t("2026-11-10T17:30"),
            null,
            null);
    db.event(a7, "dispatch", "dispatcher1", t("2026-10-30T09:00"), "{\"unit\":\"ua\"}");

    // A8 (ua): dispatched Sunday 23:30, the week's last half hour; signed on time; due passed,
    // not replied: completion late.
    long a8 =
        db.order(
            "ACCEPTED",
            "ua",
            t("2026-11-08T23:00"),
            t("2026-11-09T17:00"),
            t("2026-11-09T09:00"),
            t("2026-11-20T17:30"),
            null,
            null);
    db.event(a8, "dispatch", "dispatcher1", t("2026-11-08T23:30"), "{\"unit\":\"ua\"}");
    db.event(a8, "sign", "u-ua", t("2026-11-09T09:00"), null);

    // A9 (ua): dispatched Monday 00:10 of the next week: not in the period.
    long a9 =
        db.order(
            "DISPATCHED",
            "ua",
            t("2026-11-09T00:00"),
            t("2026-11-09T17:00"),
            null,
            t("2026-11-20T17:30"),
            null,
            null);
    db.event(a9, "dispatch", "dispatcher1", t("2026-11-09T00:10"), "{\"unit\":\"ua\"}");

    // B1 (ub): on time, rated 满意 by SMS.
    long b1 =
        db.order(
            "CLOSED",
            "ub",
            t("2026-11-02T08:00"),
            t("2026-11-02T17:00"),
            t("2026-11-02T09:30"),
            t("2026-11-12T17:30"),
            t("2026-11-06T09:00"),
            null);
    db.event(b1, "dispatch", "dispatcher1", t("2026-11-02T09:00"), "{\"unit\":\"ub\"}");
    db.event(b1, "sign", "u-ub", t("2026-11-02T09:30"), null);
    db.event(b1, "reply", "u-ub", t("2026-11-06T09:00"), null);
    db.event(b1, "review-accept", "reviewer1", t("2026-11-06T10:00"), null);
    db.event(b1, "callback", "sms", t("2026-11-07T10:00"), "{\"result\":\"satisfied\"}");
  }

  Map<String, UnitEvaluation> evaluate() throws Exception {
    List<UnitEvaluation> all =
        await(new EvaluationQuery(db.pool).evaluate(week.start(), week.end(), AS_OF));
    return all.stream().collect(Collectors.toMap(UnitEvaluation::unit, Function.identity()));
  }

  @Test
  void everyFigureOfBothUnitsMatchesTheHandCount() throws Exception {
    Map<String, UnitEvaluation> units = evaluate();
    assertThat(units).containsOnlyKeys("ua", "ub");

    // ua received A1 A2 A3 A4 A5 A6 A8 (A7, A9 outside the week).
    // sign due: A1 A2 A4 A5 A6 A8 (A3 returned); on time: A1 A2 A5 A8.
    // completion due: A1 A4 A5 A8 (A2 not yet due, A6 paused); on time: A1 A5.
    // returned A3; re-handled A2 A5; rated A1 A2 A5, satisfied A1 A5;
    // callback due A1 A2 A5, all called back.
    assertThat(units.get("ua"))
        .isEqualTo(new UnitEvaluation("ua", "甲街道", 7, 0, 6, 4, 4, 2, 1, 2, 3, 2, 3, 3));
    UnitEvaluation a = units.get("ua");
    assertThat(a.signedOnTimePct()).isEqualTo(66.7);
    assertThat(a.completedOnTimePct()).isEqualTo(50.0);
    assertThat(a.returnPct()).isEqualTo(14.3);
    assertThat(a.rehandlePct()).isEqualTo(28.6);
    assertThat(a.satisfactionPct()).isEqualTo(66.7);
    assertThat(a.callbackPct()).isEqualTo(100.0);

    // ub received A3 (its own span from the second dispatch) and B1: all on time; B1 rated 满意;
    // both replies accepted, only B1 called back.
    assertThat(units.get("ub"))
        .isEqualTo(new UnitEvaluation("ub", "乙局", 2, 0, 2, 2, 2, 2, 0, 0, 1, 1, 2, 1));
    assertThat(units.get("ub").callbackPct()).isEqualTo(50.0);
    assertThat(units.get("ub").returnPct()).isEqualTo(0.0);
  }

  @Test
  void rankingWeighsTheRatesAsConfigured() throws Exception {
    Map<String, UnitEvaluation> units = evaluate();
    EvaluationRanking ranking =
        EvaluationRanking.fromSetting(
            new io.vertx.core.json.JsonObject(
                "{\"signedOnTime\":20,\"completedOnTime\":30,\"satisfaction\":40,\"rehandle\":10,\"return\":0}"));
    // ua: (20×66.7 + 30×50.0 + 40×66.7 + 10×(100−28.6)) / 100 = 62.16 → 62.2; ub: 100.
    assertThat(ranking.score(units.get("ua"))).isEqualTo(62.2);
    assertThat(ranking.score(units.get("ub"))).isEqualTo(100.0);
    List<Map<String, Object>> rows = ranking.rank(List.of(units.get("ua"), units.get("ub")));
    assertThat(rows).extracting(r -> r.get("unit")).containsExactly("ub", "ua");
    assertThat(rows).extracting(r -> r.get("rank")).containsExactly(1, 2);
  }

  @Test
  void anApprovedAppealTakesTheOrderOutOfTheUnitsScoring() throws Exception {
    AppealRepository appeals = new AppealRepository(db.pool);
    var filed = await(appeals.file("u-ua", a4, "ua", "施工方原因，非本单位可控"));
    assertThat(filed.getString("state")).isEqualTo("pending");
    // A pending appeal changes nothing.
    assertThat(evaluate().get("ua").excluded()).isZero();

    await(appeals.decide("supervisor1", filed.getLong("id"), true, "情况属实"));
    // Without A4: sign due 5 (4 on time), completion due 3 (2 on time), scored 6.
    UnitEvaluation a = evaluate().get("ua");
    assertThat(a).isEqualTo(new UnitEvaluation("ua", "甲街道", 7, 1, 5, 4, 3, 2, 1, 2, 3, 2, 3, 3));
    assertThat(a.scored()).isEqualTo(6);
    assertThat(a.signedOnTimePct()).isEqualTo(80.0);
    assertThat(a.completedOnTimePct()).isEqualTo(66.7);
    assertThat(a.returnPct()).isEqualTo(16.7);
    // The other unit is not affected.
    assertThat(evaluate().get("ub").excluded()).isZero();

    var trail = await(appeals.get(filed.getLong("id")));
    assertThat(trail.getString("state")).isEqualTo("approved");
    assertThat(trail.getString("decidedBy")).isEqualTo("supervisor1");
    assertThat(trail.getJsonArray("events").stream().map(Object::toString).toList())
        .hasSize(2)
        .anySatisfy(e -> assertThat(e).contains("\"action\":\"file\"", "\"toState\":\"pending\""))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "\"action\":\"approve\"",
                        "\"actor\":\"supervisor1\"",
                        "\"fromState\":\"pending\"",
                        "\"toState\":\"approved\""));
  }

  @Test
  void aRejectedAppealLeavesTheFiguresAndMayBeFiledAgain() throws Exception {
    AppealRepository appeals = new AppealRepository(db.pool);
    long id = await(appeals.file("u-ua", a4, "ua", "理由")).getLong("id");
    assertThat(ReportDbErrors.failure(appeals.file("u-ua", a4, "ua", "again")))
        .contains("already pending or approved");
    await(appeals.decide("supervisor1", id, false, "理由不充分"));
    assertThat(ReportDbErrors.failure(appeals.decide("supervisor1", id, true, null)))
        .contains("already rejected");
    assertThat(evaluate().get("ua").excluded()).isZero();
    // A unit appeals only orders it was given: ub never had A4.
    assertThat(ReportDbErrors.failure(appeals.file("u-ub", a4, "ub", "x")))
        .contains("was dispatched to unit ub");
    assertThat(await(appeals.file("u-ua", a4, "ua", "补充材料后再次申诉")).getString("state"))
        .isEqualTo("pending");
  }
}
