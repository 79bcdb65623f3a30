package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the centre portal asks of the API beyond the basics: the lists of requests awaiting a
 * decision, the yellow (due soon) and red (overdue) lights, supervised orders, the actions a user
 * may take on an order now, and the calls linked to an order.
 */
class CentreApiTest {

  static TestPlatform platform;
  static ApiClient agent;
  static ApiClient dispatcher;
  static ApiClient reviewer;
  static ApiClient supervisor;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
    dispatcher = platform.login("dispatcher1");
    reviewer = platform.login("reviewer1");
    supervisor = platform.login("supervisor1");
  }

  /** A new order with a description no other order has, so lists can be narrowed to it. */
  static JsonObject create(String tag) {
    ApiClient.Response r =
        agent.post(
            "/api/tickets",
            new JsonObject()
                .put("channel", "phone")
                .put("requestType", "complaint")
                .put("categoryCode", "010101")
                .put("citizenPhone", "13811112222")
                .put("location", "东城区建设路12号")
                .put("description", "路灯不亮 " + tag));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static JsonObject act(ApiClient who, JsonObject order, String action, JsonObject input) {
    ApiClient.Response r =
        who.post(
            "/api/tickets/" + order.getLong("id") + "/" + action,
            input.copy().put("version", order.getInteger("version")));
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return r.json();
  }

  static String tag() {
    return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** The ids of the orders a list query finds (narrowed to one test's tag). */
  static List<Long> ids(ApiClient who, String query, String tag) {
    ApiClient.Response r = who.get("/api/tickets?size=200&q=" + tag + "&" + query);
    assertThat(r.status()).as(query + ": " + r.body()).isEqualTo(200);
    JsonArray items = r.json().getJsonArray("items");
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      out.add(items.getJsonObject(i).getLong("id"));
    }
    return out;
  }

  static JsonObject dispatched(String tag) {
    JsonObject o = create(tag);
    return act(dispatcher, o, "dispatch", new JsonObject().put("unit", "dc"));
  }

  static void sql(String statement) throws Exception {
    try (Connection c = platform.jdbc()) {
      c.createStatement().execute(statement);
    }
  }

  @Test
  void requestsAwaitingTheCentreAreListedByType() {
    String tag = tag();
    ApiClient unit = platform.login("u-dc");
    JsonObject ret = act(unit, dispatched(tag), "return-request", reason("不属于本单位职责"));
    JsonObject ext =
        act(
            unit,
            act(unit, dispatched(tag), "sign", new JsonObject()),
            "extension-request",
            reason("需要协调施工").put("until", "2030-01-15"));
    JsonObject plain = dispatched(tag);

    assertThat(ids(dispatcher, "pending=any", tag))
        .containsExactlyInAnyOrder(ret.getLong("id"), ext.getLong("id"));
    assertThat(ids(dispatcher, "pending=return", tag)).containsExactly(ret.getLong("id"));
    assertThat(ids(dispatcher, "pending=extension", tag)).containsExactly(ext.getLong("id"));
    assertThat(ids(dispatcher, "pending=dispute", tag)).isEmpty();
    assertThat(ids(dispatcher, "state=DISPATCHED", tag)).contains(plain.getLong("id"));
    ApiClient.Response bad = dispatcher.get("/api/tickets?pending=maybe");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("pending");
  }

  @Test
  void overdueOrdersShowRedAndWarnedOnesYellowButNotBoth() throws Exception {
    String tag = tag();
    JsonObject late = dispatched(tag);
    JsonObject soon = dispatched(tag);
    JsonObject fresh = dispatched(tag);
    sql("UPDATE work_order SET sign_deadline = now() - interval '1 hour' WHERE id = " + id(late));
    // The scheduler's warning moment has passed, the deadlines have not (two statements: moving a
    // deadline clears its warning moment by trigger).
    sql(
        "UPDATE work_order SET sign_deadline = now() + interval '2 hours',"
            + " due_deadline = now() + interval '10 days' WHERE id = "
            + id(soon));
    sql(
        "UPDATE work_order SET sign_warn_at = now() - interval '1 minute',"
            + " due_warn_at = now() + interval '5 days' WHERE id = "
            + id(soon));
    sql(
        "UPDATE work_order SET sign_warn_at = now() + interval '1 hour',"
            + " due_warn_at = now() + interval '5 days' WHERE id = "
            + id(fresh));

    assertThat(ids(supervisor, "overdue=true", tag)).containsExactly(id(late));
    assertThat(ids(supervisor, "dueSoon=true", tag)).containsExactly(id(soon));
    assertThat(ids(supervisor, "dueSoon=false", tag))
        .containsExactlyInAnyOrder(id(late), id(fresh));
    // A paused order (a request awaits the centre) is neither: its clock stands still.
    act(platform.login("u-dc"), reload(soon), "return-request", reason("非本单位职责"));
    assertThat(ids(supervisor, "dueSoon=true", tag)).isEmpty();
    assertThat(supervisor.get("/api/tickets?dueSoon=soon").status()).isEqualTo(400);
  }

  @Test
  void supervisedOrdersCanBeListed() {
    String tag = tag();
    JsonObject a = dispatched(tag);
    JsonObject b = dispatched(tag);
    act(supervisor, a, "supervise", new JsonObject().put("note", "请加快办理"));
    assertThat(ids(supervisor, "supervised=true", tag)).containsExactly(id(a));
    assertThat(ids(supervisor, "supervised=false", tag)).containsExactly(id(b));
    assertThat(supervisor.get("/api/tickets?supervised=1").status()).isEqualTo(400);
  }

  @Test
  void theActionsOfAnOrderFollowRoleStateAndUnit() {
    JsonObject o = create(tag());
    JsonObject forDispatcher = actions(dispatcher, o);
    assertThat(forDispatcher.getInteger("version")).isEqualTo(o.getInteger("version"));
    assertThat(names(forDispatcher)).contains("dispatch", "withdraw", "answer", "merge");
    assertThat(names(forDispatcher)).doesNotContain("sign", "review-accept", "supervise");
    JsonObject deadlines = forDispatcher.getJsonObject("dispatchDeadlines");
    assertThat(deadlines.getString("sign")).matches(".*\\+08:00");
    assertThat(deadlines.getString("due")).isGreaterThan(deadlines.getString("sign"));
    assertThat(names(actions(reviewer, o))).doesNotContain("dispatch");
    assertThat(names(actions(supervisor, o))).contains("dispatch", "supervise");

    o = act(dispatcher, o, "dispatch", new JsonObject().put("unit", "dc"));
    ApiClient unit = platform.login("u-dc");
    JsonObject forUnit = actions(unit, o);
    assertThat(names(forUnit)).contains("sign", "return-request", "dispute", "extension-request");
    assertThat(names(forUnit)).doesNotContain("reply", "dispatch");
    assertThat(forUnit.containsKey("dispatchDeadlines")).isFalse();
    assertThat(names(actions(dispatcher, o))).doesNotContain("dispatch", "sign");
    ApiClient.Response other = platform.login("u-dc-hp").get("/api/tickets/" + id(o) + "/actions");
    assertThat(other.status()).isEqualTo(404);

    o = act(unit, o, "sign", new JsonObject());
    o = act(unit, o, "reply", new JsonObject().put("text", "已修复"));
    assertThat(names(actions(reviewer, o)))
        .contains("review-accept", "review-reject")
        .doesNotContain("dispatch", "callback", "sign");
    assertThat(names(actions(dispatcher, o))).doesNotContain("review-accept", "review-reject");
    assertThat(names(actions(unit, o))).isEmpty();
    assertThat(dispatcher.get("/api/tickets/999999999/actions").status()).isEqualTo(404);
  }

  @Test
  void theCallsOfAnOrderAreFoundByItsIdWithTheirRecording() throws Exception {
    var pbx = platform.telephony().simulator().pbx();
    pbx.addAgent("PJSIP/agent7", "agent7");
    pbx.recordCalls("{id}.wav");
    String callId;
    try {
      callId = pbx.callerJoins("13811113333");
      pbx.agentAnswers(callId, "PJSIP/agent7");
      pbx.callerHangsUp(callId);
    } finally {
      pbx.recordCalls(null);
    }
    String other = pbx.callerJoins("13811113333");
    pbx.callerAbandons(other);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        one(
                            "SELECT count(*) FROM call_record WHERE id IN ('"
                                + callId
                                + "', '"
                                + other
                                + "') AND NOT partial AND recording IS NOT DISTINCT FROM"
                                + " CASE WHEN id = '"
                                + callId
                                + "' THEN '"
                                + callId
                                + ".wav' ELSE recording END"))
                    .isEqualTo("2"));
    JsonObject o =
        agent
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "help")
                    .put("citizenPhone", "13811113333")
                    .put("description", "井盖缺失 " + tag())
                    .put("callIds", new JsonArray().add(callId)))
            .json();

    JsonObject calls = supervisor.get("/api/calls?ticketId=" + id(o)).json();
    assertThat(calls.getLong("total")).isEqualTo(1);
    JsonObject call = calls.getJsonArray("items").getJsonObject(0);
    assertThat(call.getString("id")).isEqualTo(callId);
    assertThat(call.getString("recording")).isEqualTo(callId + ".wav");
    assertThat(call.getJsonArray("ticketIds").getList()).contains(id(o).intValue());
    // Two calls from the same number; only the linked one belongs to the order.
    assertThat(supervisor.get("/api/calls?number=13811113333").json().getLong("total"))
        .isGreaterThanOrEqualTo(2);

    Path recordings = Path.of("target", "test-data", "recordings");
    Files.createDirectories(recordings);
    Files.write(recordings.resolve(callId + ".wav"), new byte[] {'R', 'I', 'F', 'F'});
    ApiClient.Response played = supervisor.get("/api/calls/" + callId + "/recording");
    assertThat(played.status()).isEqualTo(200);
    assertThat(played.body()).isEqualTo("RIFF");

    assertThat(supervisor.get("/api/calls?ticketId=abc").status()).isEqualTo(400);
    assertThat(supervisor.get("/api/calls?ticketId=999999999").json().getLong("total")).isZero();
    assertThat(platform.login("u-dc").get("/api/calls?ticketId=" + id(o)).status()).isEqualTo(403);
  }

  static JsonObject reason(String text) {
    return new JsonObject().put("reason", text);
  }

  static Long id(JsonObject o) {
    return o.getLong("id");
  }

  static JsonObject reload(JsonObject o) {
    return supervisor.get("/api/tickets/" + id(o)).json();
  }

  static JsonObject actions(ApiClient who, JsonObject o) {
    ApiClient.Response r = who.get("/api/tickets/" + id(o) + "/actions");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static List<String> names(JsonObject actions) {
    List<String> out = new ArrayList<>();
    actions.getJsonArray("actions").forEach(a -> out.add((String) a));
    return out;
  }

  static String one(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
