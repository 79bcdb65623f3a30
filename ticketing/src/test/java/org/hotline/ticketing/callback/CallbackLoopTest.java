package org.hotline.ticketing.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.hotline.sms.SmsAddresses;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.telephony.sim.agi.DtmfInput;
import org.hotline.telephony.sim.agi.SimCallPlan;
import org.hotline.telephony.sim.agi.SimCallResult;
import org.hotline.telephony.sim.agi.SimulatedAgiCall;
import org.hotline.ticketing.api.ApiClient;
import org.hotline.ticketing.order.OrderView;
import org.hotline.ticketing.scheduler.SchedulerSettings;
import org.hotline.ticketing.scheduler.SchedulerVerticle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The callback loop (回访) end to end: orders accepted through the API, survey calls placed through
 * the AMI socket of the PBX simulator and answered in the {@code callback-survey} FastAGI IVR, SMS
 * surveys sent and answered through the SMSC simulator's SMPP socket, on PostgreSQL, with the
 * tests' clock driving the loop's passes.
 */
class CallbackLoopTest {

  static CallbackRig rig;
  static ApiClient agent;
  static ApiClient admin;
  static int phones;
  ZonedDateTime t0;

  @BeforeAll
  static void start() throws Exception {
    rig = CallbackRig.get();
  }

  @BeforeEach
  void freshDay() throws Exception {
    t0 = rig.nextDay(LocalTime.of(10, 0));
    agent = rig.login("agent1");
    admin = rig.login("admin");
    rig.execute(
        "UPDATE setting SET value = ?::jsonb WHERE key = 'callback'",
        CallbackSettings.defaults().toJson().encode());
    rig.pass(); // demo orders awaiting their callback are worked too; start each test from quiet
  }

  static String phone() {
    return String.format("1770000%04d", ++phones);
  }

  // ---- the orders -------------------------------------------------------------------------

  /** An order taken, dispatched to 东城区 (dc), signed, replied and accepted by the centre. */
  JsonObject accepted(String phone) {
    JsonObject o =
        ok(
            agent.post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "help")
                    .put("categoryCode", "010101")
                    .put("citizenPhone", phone)
                    .put("description", "小区路灯不亮")),
            201);
    o = act(rig.login("dispatcher1"), o, "dispatch", new JsonObject().put("unit", "dc"));
    ApiClient unit = rig.login("u-dc");
    o = act(unit, o, "sign", new JsonObject());
    o = act(unit, o, "reply", new JsonObject().put("text", "已更换灯泡"));
    o = act(rig.login("reviewer1"), o, "review-accept", new JsonObject());
    assertThat(o.getString("state")).isEqualTo("CALLBACK");
    return o;
  }

  static JsonObject act(ApiClient who, JsonObject o, String action, JsonObject input) {
    return ok(
        who.post(
            "/api/tickets/" + o.getLong("id") + "/" + action,
            input.copy().put("version", o.getInteger("version"))),
        200);
  }

  static JsonObject ok(ApiClient.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r.json();
  }

  JsonObject order(JsonObject o) {
    return ok(agent.get("/api/tickets/" + o.getLong("id")), 200);
  }

  /** The order's callback task as the list shows it (open or done). */
  JsonObject task(JsonObject o) {
    for (String state : new String[] {"open", "done"}) {
      JsonArray items =
          ok(agent.get("/api/callbacks?kind=order&size=500&state=" + state), 200)
              .getJsonArray("items");
      for (int i = 0; i < items.size(); i++) {
        JsonObject t = items.getJsonObject(i);
        if (o.getLong("id").equals(t.getLong("ticketId"))) {
          return t;
        }
      }
    }
    return null;
  }

  int attempts(JsonObject task, String channel) throws Exception {
    return Integer.parseInt(
        rig.one(
            "SELECT count(*) FROM callback_attempt WHERE task_id = ? AND channel = ?",
            task.getLong("id"),
            channel));
  }

  /** The citizen picks up the survey call and keys {@code key} in the callback-survey IVR. */
  SimCallResult answerSurvey(JsonObject task, String phone, String key) {
    JsonObject placed = rig.originatesTo(phone).get(rig.originatesTo(phone).size() - 1);
    String uid = placed.getString("uniqueId");
    SimCallPlan plan =
        SimCallPlan.builder("callback-survey")
            .uniqueId(uid)
            .callerId("12345")
            .args(uid, phone, String.valueOf(task.getLong("id")))
            .inputs(DtmfInput.keys(key))
            .timeScale(0.01)
            .build();
    return SimulatedAgiCall.dial(
            rig.vertx,
            rig.vertx.createNetClient(),
            "127.0.0.1",
            rig.main.telephony().agiPort(),
            plan)
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  void smsReply(String phone, String text) {
    rig.vertx
        .eventBus()
        .request(SmsAddresses.SIM_INJECT_MO, new JsonObject().put("from", phone).put("text", text))
        .toCompletionStage()
        .toCompletableFuture()
        .join();
  }

  void awaitOriginates(String phone, int n) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(rig.originatesTo(phone)).hasSize(n));
  }

  /** Three unanswered survey calls, 30 minutes apart from t0 + 10 min, then the SMS survey. */
  JsonObject unansweredCallsThenSms(String phone) throws Exception {
    rig.main.telephony().simulator().failOriginatesTo(phone);
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    for (int call = 1; call <= 3; call++) {
      rig.at(t0.plusMinutes(10 + 30L * (call - 1)));
      rig.pass();
      awaitOriginates(phone, call);
      assertThat(rig.originatesTo(phone).get(call - 1).getBoolean("ok")).isFalse();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        rig.one(
                            "SELECT string_agg(state, ',' ORDER BY seq) FROM callback_attempt"
                                + " WHERE task_id = ? AND channel = 'call'",
                            t.getLong("id")))
                    .isEqualTo("failed,failed,failed"));
    assertThat(surveySms(o)).isEqualTo(0);
    rig.at(t0.plusMinutes(100));
    rig.pass();
    assertThat(surveySms(o)).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        rig.one(
                            "SELECT state FROM sms_message WHERE kind = 'survey' AND ticket_id = ?",
                            o.getLong("id")))
                    .isIn("sent", "delivered"));
    return o;
  }

  int surveySms(JsonObject o) throws Exception {
    return Integer.parseInt(
        rig.one(
            "SELECT count(*) FROM sms_message WHERE kind = 'survey' AND ticket_id = ?",
            o.getLong("id")));
  }

  // ---- the loop ---------------------------------------------------------------------------

  @Test
  void aSurveyCallAnsweredWithOneClosesTheOrderAsSatisfied() throws Exception {
    String phone = phone();
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    assertThat(t.getString("kind")).isEqualTo("order");
    assertThat(t.getString("state")).isEqualTo("open");
    assertThat(t.getString("dueAt")).isEqualTo(OrderView.time(t0.plusHours(24)));

    rig.pass(); // within the first delay: nobody is called yet
    assertThat(attempts(t, "call")).isZero();
    assertThat(task(o).getString("nextAt")).isEqualTo(OrderView.time(t0.plusMinutes(10)));

    rig.at(t0.plusMinutes(10));
    rig.pass();
    awaitOriginates(phone, 1);
    JsonObject placed = rig.originatesTo(phone).get(0);
    assertThat(placed.getBoolean("survey")).isTrue();
    assertThat(placed.getValue("taskId").toString()).isEqualTo(t.getLong("id").toString());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        rig.one(
                            "SELECT state FROM callback_attempt WHERE task_id = ?",
                            t.getLong("id")))
                    .isEqualTo("answered"));

    SimCallResult call = answerSurvey(t, phone, "1");
    assertThat(call.commands()).contains("GET DATA survey/callback-rate 5000 1");

    JsonObject closed = order(o);
    assertThat(closed.getString("state")).isEqualTo("CLOSED");
    assertThat(closed.getString("rating")).isEqualTo("satisfied");
    JsonObject done = task(o);
    assertThat(done.getString("state")).isEqualTo("done");
    assertThat(done.getString("result")).isEqualTo("satisfied");
    assertThat(done.getString("ratedVia")).isEqualTo("call");
    assertThat(
            rig.one(
                "SELECT score || ':' || ref FROM survey_result WHERE kind = 'callback' AND call_id = ?",
                placed.getString("uniqueId")))
        .isEqualTo("1:" + t.getLong("id"));

    rig.at(t0.plusMinutes(45));
    rig.pass();
    assertThat(attempts(t, "call")).isEqualTo(1);
  }

  @Test
  void dissatisfiedOnTheSurveyCallReopensTheOrderForRehandlingAndTellsTheUnit() throws Exception {
    String phone = phone();
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    rig.at(t0.plusMinutes(10));
    rig.pass();
    awaitOriginates(phone, 1);
    String notices =
        "SELECT count(*) FROM sms_message WHERE kind = 'dispatch_notice' AND ticket_id = ?";
    String before = rig.one(notices, o.getLong("id"));

    answerSurvey(t, phone, "3");

    JsonObject reopened = order(o);
    assertThat(reopened.getString("state")).isEqualTo("DISPATCHED");
    assertThat(reopened.getString("rating")).isEqualTo("dissatisfied");
    assertThat(reopened.getInteger("rehandleCount")).isEqualTo(1);
    assertThat(reopened.getString("leadUnit")).isEqualTo("dc");
    assertThat(Integer.parseInt(rig.one(notices, o.getLong("id"))))
        .as("the unit's contacts get a new dispatch notice")
        .isGreaterThan(Integer.parseInt(before));
    assertThat(
            rig.one(
                "SELECT text FROM sms_message WHERE kind = 'dispatch_notice' AND ticket_id = ?"
                    + " ORDER BY id DESC LIMIT 1",
                o.getLong("id")))
        .contains("市民不满意、退回重办")
        .contains(o.getString("number"));
    assertThat(
            rig.one(
                "SELECT count(*) FROM outbox WHERE topic = 'order.callback' AND payload ->> 'id' = ?",
                o.getLong("id").toString()))
        .isEqualTo("1");
    JsonObject done = task(o);
    assertThat(done.getString("result")).isEqualTo("dissatisfied");
    assertThat(done.getString("ratedVia")).isEqualTo("call");
    // Re-handled and accepted again, the order gets a new task of its own.
    ApiClient unit = rig.login("u-dc");
    JsonObject again = act(unit, reopened, "sign", new JsonObject());
    again = act(unit, again, "reply", new JsonObject().put("text", "已重新维修"));
    again = act(rig.login("reviewer1"), again, "review-accept", new JsonObject());
    assertThat(
            rig.one(
                "SELECT string_agg(state || ':' || coalesce(result, '-'), ',' ORDER BY id)"
                    + " FROM callback_task WHERE order_id = ?",
                o.getLong("id")))
        .isEqualTo("done:dissatisfied,open:-");
  }

  @Test
  void unansweredCallsThenTheSmsSurveyWhoseReplyClosesTheOrder() throws Exception {
    String phone = phone();
    JsonObject o = unansweredCallsThenSms(phone);
    smsReply(phone, "2");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        rig.one(
                            "SELECT state || ':' || rating FROM work_order WHERE id = ?",
                            o.getLong("id")))
                    .isEqualTo("CLOSED:basically_satisfied"));
    JsonObject done = task(o);
    assertThat(done.getString("result")).isEqualTo("basically_satisfied");
    assertThat(done.getString("ratedVia")).isEqualTo("sms");
    assertThat(done.getInteger("attempts")).isEqualTo(3);
    assertThat(rig.originatesTo(phone)).hasSize(3);
  }

  @Test
  void noAnswerAndNoReplyMakesTheCitizenUnreachable() throws Exception {
    String phone = phone();
    JsonObject o = unansweredCallsThenSms(phone);
    rig.at(t0.plusMinutes(100).plusHours(23));
    rig.pass();
    assertThat(order(o).getString("state")).isEqualTo("CALLBACK");
    rig.at(t0.plusMinutes(100).plusHours(24));
    rig.pass();
    JsonObject closed = order(o);
    assertThat(closed.getString("state")).isEqualTo("CLOSED");
    assertThat(closed.getString("rating")).isNull();
    JsonObject done = task(o);
    assertThat(done.getString("result")).isEqualTo("unreachable");
    assertThat(done.getString("ratedVia")).isNull();
    assertThat(
            rig.one(
                "SELECT actor || ':' || note FROM order_event WHERE order_id = ? AND action = 'close'",
                o.getLong("id")))
        .isEqualTo("callback-loop:" + CallbackLoop.UNREACHABLE_NOTE);
    assertThat(rig.originatesTo(phone)).hasSize(3);
    assertThat(surveySms(o)).isEqualTo(1);
  }

  @Test
  void outsideTheAllowedHoursNothingIsDialled() throws Exception {
    String phone = phone();
    ZonedDateTime evening = t0.with(LocalTime.of(20, 30));
    rig.at(evening);
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    rig.at(evening.plusMinutes(10));
    rig.pass();
    rig.at(evening.plusHours(12).plusMinutes(29)); // 08:59 the next morning
    rig.pass();
    assertThat(attempts(t, "call")).isZero();
    assertThat(task(o).getString("nextAt"))
        .isEqualTo(OrderView.time(t0.plusDays(1).with(LocalTime.of(9, 0))));
    rig.at(t0.plusDays(1).with(LocalTime.of(9, 0)));
    rig.pass();
    awaitOriginates(phone, 1);
    assertThat(attempts(t, "call")).isEqualTo(1);
  }

  @Test
  void aRestartNeverRepeatsACallOrAnSms() throws Exception {
    String phone = phone();
    rig.main.telephony().simulator().failOriginatesTo(phone);
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    long task = t.getLong("id");
    rig.at(t0.plusMinutes(10));
    rig.pass();
    awaitOriginates(phone, 1);
    // A crash right after call 2's attempt row committed and before the PBX heard of it.
    rig.execute(
        "INSERT INTO callback_attempt (task_id, channel, seq, state, at) VALUES (?, 'call', 2,"
            + " 'placing', ?)",
        task,
        t0.plusMinutes(40).toOffsetDateTime());
    rig.execute(
        "UPDATE callback_task SET next_at = ? WHERE id = ?",
        t0.plusMinutes(40).toOffsetDateTime(),
        task);
    rig.restart();
    rig.main.telephony().simulator().failOriginatesTo(phone);
    rig.at(t0.plusMinutes(40));
    rig.pass();
    rig.pass();
    assertThat(attempts(t, "call")).isEqualTo(2);
    rig.at(t0.plusMinutes(70));
    rig.pass();
    awaitOriginates(phone, 2); // call 3; call 2 was never placed and is never repeated
    rig.at(t0.plusMinutes(100));
    rig.pass();
    assertThat(surveySms(o)).isEqualTo(1);
    rig.restart();
    rig.pass();
    rig.at(t0.plusMinutes(101));
    rig.pass();
    assertThat(surveySms(o)).isEqualTo(1);
    assertThat(attempts(t, "sms")).isEqualTo(1);
    assertThat(attempts(t, "call")).isEqualTo(3);
    assertThat(rig.originatesTo(phone)).hasSize(2);
  }

  @Test
  void theSchedulersLeaderRunsTheLoop() throws Exception {
    String phone = phone();
    JsonObject o = accepted(phone);
    rig.at(t0.plusMinutes(10));
    SchedulerSettings fast =
        SchedulerSettings.defaults().withInterval(Duration.ofMillis(500), Duration.ofMillis(500));
    SchedulerVerticle scheduler =
        new SchedulerVerticle(
            rig.config, fast, rig.clock, new SmsTemplates(), rig.main.callbackLoop());
    String id = CallbackRig.await(rig.vertx.deployVerticle(scheduler));
    try {
      awaitOriginates(phone, 1);
      assertThat(scheduler.isLeader()).isTrue();
      assertThat(task(o).getInteger("attempts")).isEqualTo(1);
    } finally {
      CallbackRig.await(rig.vertx.undeploy(id));
    }
  }

  // ---- by hand ----------------------------------------------------------------------------

  @Test
  void aClaimedTaskGetsNoAutomaticCallAndTheAgentRecordsTheRating() throws Exception {
    String phone = phone();
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    String path = "/api/callbacks/" + t.getLong("id");
    JsonObject claimed = ok(agent.post(path + "/claim", "{}"), 200);
    assertThat(claimed.getString("claimedBy")).isEqualTo("agent1");
    ApiClient other = rig.login("dispatcher1");
    assertThat(other.post(path + "/claim", "{}").status()).isEqualTo(409);

    rig.at(t0.plusMinutes(10));
    rig.pass();
    rig.at(t0.plusMinutes(200));
    rig.pass();
    assertThat(attempts(t, "call")).isZero();
    assertThat(attempts(t, "sms")).isZero();

    assertThat(other.post(path + "/complete", "{\"result\":\"satisfied\"}").status())
        .isEqualTo(409);
    ApiClient.Response bad = agent.post(path + "/complete", "{\"result\":\"great\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("result");
    JsonObject done =
        ok(agent.post(path + "/complete", "{\"result\":\"satisfied\",\"note\":\"市民表示满意\"}"), 200);
    assertThat(done.getString("state")).isEqualTo("done");
    assertThat(done.getString("result")).isEqualTo("satisfied");
    assertThat(done.getString("ratedVia")).isEqualTo("agent");
    assertThat(done.getString("doneBy")).isEqualTo("agent1");
    assertThat(order(o).getString("state")).isEqualTo("CLOSED");
    assertThat(agent.post(path + "/claim", "{}").status()).isEqualTo(409);
  }

  @Test
  void aReleasedTaskGoesBackToTheLoop() throws Exception {
    String phone = phone();
    JsonObject o = accepted(phone);
    JsonObject t = task(o);
    String path = "/api/callbacks/" + t.getLong("id");
    ok(agent.post(path + "/claim", "{}"), 200);
    assertThat(rig.login("dispatcher1").post(path + "/release", "{}").status()).isEqualTo(403);
    rig.at(t0.plusMinutes(10));
    rig.pass();
    assertThat(attempts(t, "call")).isZero();
    assertThat(ok(agent.post(path + "/release", "{}"), 200).getString("claimedBy")).isNull();
    rig.pass();
    awaitOriginates(phone, 1);
  }

  @Test
  void missedCallsAreWorkedFromTheSameList() throws Exception {
    String phone = phone();
    var pbx = rig.main.telephony().simulator().pbx();
    pbx.callerAbandons(pbx.callerJoins(phone));
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        rig.one(
                            "SELECT count(*) FROM callback_task WHERE kind = 'missed' AND number = ?",
                            phone))
                    .isEqualTo("1"));
    accepted(phone);
    JsonArray all = ok(agent.get("/api/callbacks?size=500"), 200).getJsonArray("items");
    JsonObject missed = null;
    boolean order = false;
    for (int i = 0; i < all.size(); i++) {
      JsonObject t = all.getJsonObject(i);
      if (phone.equals(t.getString("number"))) {
        if ("missed".equals(t.getString("kind"))) {
          missed = t;
        } else if ("order".equals(t.getString("kind"))) {
          order = true;
        }
      }
    }
    assertThat(order).isTrue();
    assertThat(missed).isNotNull();
    assertThat(missed.fieldNames())
        .contains("id", "kind", "number", "day", "callId", "attempts", "note", "createdAt");
    assertThat(missed.getString("day")).isNotNull();
    String path = "/api/callbacks/" + missed.getLong("id");
    ok(agent.post(path + "/claim", "{}"), 200);
    assertThat(agent.post(path + "/complete", "{\"result\":\"satisfied\"}").status())
        .isEqualTo(400);
    JsonObject done = ok(agent.post(path + "/complete", "{\"result\":\"reached\"}"), 200);
    assertThat(done.getString("result")).isEqualTo("reached");
    assertThat(done.getString("state")).isEqualTo("done");
    assertThat(agent.get("/api/callbacks?kind=fax").status()).isEqualTo(400);
    assertThat(agent.post("/api/callbacks/999999999/claim", "{}").status()).isEqualTo(404);
    assertThat(rig.login("u-dc").get("/api/callbacks").status()).isEqualTo(403);
  }

  @Test
  void administratorsSetTheLoopAndBadSettingsAreRefused() {
    ApiClient.Response bad =
        admin.put(
            "/api/admin/settings/callback",
            new JsonObject().put("value", new JsonObject().put("callAttempts", 99)).encode());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("value");
    assertThat(
            admin
                .put(
                    "/api/admin/settings/callback",
                    new JsonObject()
                        .put("value", new JsonObject().put("allowedHours", "9点到8点"))
                        .encode())
                .status())
        .isEqualTo(400);
    assertThat(
            agent
                .put(
                    "/api/admin/settings/callback",
                    new JsonObject().put("value", new JsonObject()).encode())
                .status())
        .isEqualTo(403);
    ApiClient.Response good =
        admin.put(
            "/api/admin/settings/callback",
            new JsonObject()
                .put("value", CallbackSettings.defaults().toJson().put("callAttempts", 2))
                .encode());
    assertThat(good.status()).as(good.body()).isEqualTo(200);
  }
}
