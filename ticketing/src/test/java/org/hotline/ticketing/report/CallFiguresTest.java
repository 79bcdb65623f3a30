package org.hotline.ticketing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ticketing.report.EvaluationQueryTest.t;
import static org.hotline.ticketing.report.ReportDb.await;

import java.util.Map;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hotline and agent figures on hand-checked calls, orders and post-call surveys. */
class CallFiguresTest {

  ReportDb db;
  ReportPeriod days;

  @BeforeEach
  void dataSet() throws Exception {
    db = ReportDb.get();
    db.reset();
    days =
        ReportPeriod.parse(
            "custom",
            null,
            "2026-11-02",
            "2026-11-03",
            t("2026-11-30T12:00").toLocalDate(),
            WorkingCalendar.SHANGHAI);
    // 11-02: answered after 10 s (agent1, 100 s), after 20 s (agent1, 200 s), after exactly 15 s
    // (agent2, 60 s), abandoned after 30 s, voicemail, ended in the IVR, an outbound call.
    db.call("c1", "inbound", t("2026-11-02T09:00"), "answered", 10, 100, "agent1");
    db.call("c2", "inbound", t("2026-11-02T10:00"), "answered", 20, 200, "agent1");
    db.call("c3", "inbound", t("2026-11-02T11:00"), "answered", 15, 60, "agent2");
    db.call("c4", "inbound", t("2026-11-02T12:00"), "abandoned", 30, null, null);
    db.call("c5", "inbound", t("2026-11-02T13:00"), "voicemail", 40, null, null);
    db.call("c6", "inbound", t("2026-11-02T14:00"), "ivr", null, null, null);
    db.call("c7", "outbound", t("2026-11-02T15:00"), "answered", 5, 50, "agent2");
    // 11-03 00:30 Shanghai (11-02 16:30 UTC): the second day. 11-04 00:00: outside.
    db.call("c8", "inbound", t("2026-11-03T00:30"), "answered", 4, 40, "agent2");
    db.call("c9", "inbound", t("2026-11-04T00:00"), "answered", 4, 40, "agent2");
    db.survey("c1", 1, "call");
    db.survey("c2", 3, "call");
    db.survey("c3", 2, "call");
    db.survey("c7", 1, "callback"); // a callback survey is not the agent's post-call survey

    // Intake: agent1 creates three orders (one answered directly), the SMS gateway one.
    long o1 = db.order("ANSWERED", null, t("2026-11-02T09:05"), null, null, null, null, null);
    long o2 = db.order("DISPATCHED", "ua", t("2026-11-02T10:05"), null, null, null, null, null);
    long o3 = db.order("RECEIVED", null, t("2026-11-03T09:00"), null, null, null, null, null);
    long o4 = db.order("RECEIVED", null, t("2026-11-02T20:00"), null, null, null, null, null);
    db.sql("UPDATE work_order SET channel = 'sms' WHERE id = " + o4);
    db.event(o1, "create", "agent1", t("2026-11-02T09:05"), "{\"channel\":\"phone\"}");
    db.event(o1, "answer", "agent1", t("2026-11-02T09:06"), null);
    db.event(o2, "create", "agent1", t("2026-11-02T10:05"), "{\"channel\":\"phone\"}");
    db.event(o3, "create", "agent1", t("2026-11-03T09:00"), "{\"channel\":\"phone\"}");
    db.event(o4, "create", "sms", t("2026-11-02T20:00"), "{\"channel\":\"sms\"}");
  }

  @Test
  void hotlineFiguresPerDayAndInTotal() throws Exception {
    HotlineStats.Result r = await(new HotlineStats(db.pool).compute(days));
    assertThat(r.days().rows()).hasSize(3); // two days and the total
    Map<String, Object> first = r.days().rows().get(0);
    // offered: answered ×3, abandoned, voicemail = 5; within 15 s: c1, c3.
    assertThat(first)
        .containsEntry("day", "2026-11-02")
        .containsEntry("offered", 5L)
        .containsEntry("answered", 3L)
        .containsEntry("answeredPct", 60.0)
        .containsEntry("answeredIn15s", 2L)
        .containsEntry("serviceLevelPct", 40.0)
        .containsEntry("abandoned", 1L)
        .containsEntry("abandonPct", 20.0)
        .containsEntry("voicemail", 1L)
        .containsEntry("ivrOnly", 1L)
        .containsEntry("avgWaitSeconds", 15.0) // (10 + 20 + 15) / 3
        .containsEntry("avgHandleSeconds", 120.0); // (100 + 200 + 60) / 3
    Map<String, Object> total = r.days().rows().get(2);
    // + c8 on 11-03: offered 6, answered 4, within 15 s 3; wait 49/4, talk 400/4.
    assertThat(total)
        .containsEntry("offered", 6L)
        .containsEntry("answered", 4L)
        .containsEntry("serviceLevelPct", 50.0)
        .containsEntry("abandonPct", 16.7)
        .containsEntry("avgWaitSeconds", 12.3)
        .containsEntry("avgHandleSeconds", 100.0);
    // Intake: phone 3 (one answered directly), sms 1: direct-answer rate 1/4.
    assertThat(r.summary().getLong("orders")).isEqualTo(4);
    assertThat(r.summary().getDouble("directAnswerPct")).isEqualTo(25.0);
    assertThat(r.summary().getJsonObject("ordersPerChannel").getMap())
        .containsEntry("phone", 3L)
        .containsEntry("sms", 1L);
  }

  @Test
  void agentFigures() throws Exception {
    // agent1's pauses (the period is 11-02 00:00 to 11-04 00:00 Beijing time = 11-01T16:00Z to
    // 11-03T16:00Z): lunch 02:00Z–02:30Z (1800 s); one begun before the period, 15:50Z–16:10Z on
    // 11-01 (600 s inside, not counted as begun); one still open from 15:55Z on 11-03 (300 s).
    db.sql(
        "INSERT INTO agent_pause (agent, reason, started_at, ended_at) VALUES"
            + " ('agent1', 'lunch', '2026-11-02T02:00Z', '2026-11-02T02:30Z'),"
            + " ('agent1', 'acw', '2026-11-01T15:50Z', '2026-11-01T16:10Z'),"
            + " ('agent1', 'training', '2026-11-03T15:55Z', NULL)");
    ReportTable t = await(new AgentStats(db.pool).compute(days));
    assertThat(t.rows()).extracting(r -> r.get("agent")).containsExactly("agent1", "agent2");
    assertThat(t.rows().get(0))
        .containsEntry("calls", 2L)
        .containsEntry("handleSeconds", 300L)
        .containsEntry("avgHandleSeconds", 150.0)
        .containsEntry("pauses", 2L)
        .containsEntry("pausedSeconds", 2700L)
        .containsEntry("ordersCreated", 3L)
        .containsEntry("directAnswers", 1L)
        .containsEntry("surveyRated", 2L)
        .containsEntry("surveySatisfied", 1L)
        .containsEntry("surveyDissatisfied", 1L)
        .containsEntry("surveySatisfactionPct", 50.0);
    // agent2: c3 and c8 (c7 is outbound but answered by the agent: it counts as the agent's call).
    assertThat(t.rows().get(1))
        .containsEntry("calls", 3L)
        .containsEntry("handleSeconds", 150L)
        .containsEntry("ordersCreated", 0L)
        .containsEntry("surveyRated", 1L)
        .containsEntry("surveyBasicallySatisfied", 1L)
        .containsEntry("surveySatisfactionPct", 100.0);
  }
}
