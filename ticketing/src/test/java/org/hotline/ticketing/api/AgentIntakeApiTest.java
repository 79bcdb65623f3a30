package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ticketing.api.ApiClient.q;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent console's own API: possible duplicates of an order and the agent's day. */
class AgentIntakeApiTest {

  static TestPlatform platform;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
  }

  static JsonObject create(ApiClient c, String category, String phone, String location) {
    ApiClient.Response r =
        c.post(
            "/api/tickets",
            new JsonObject()
                .put("channel", "phone")
                .put("requestType", "help")
                .put("categoryCode", category)
                .put("citizenPhone", phone)
                .put("location", location)
                .put("description", "测试：" + location));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  static String one(String sql) throws Exception {
    try (Connection c = platform.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void duplicatesAreOpenOrdersOfTheSameCallerOrOfTheSameCategoryNearby() {
    ApiClient agent = platform.login("agent1");
    JsonObject sameStreet = create(agent, "010102", "13911110001", "测试镇幸福大道8号");
    JsonObject shortName = create(agent, "010102", "13911110002", "幸福大道12号门口");
    JsonObject sameCaller = create(agent, "010102", "13911110003", "测试镇解放大道3号");
    JsonObject otherKind = create(agent, "010101", "13911110004", "测试镇幸福大道9号");
    JsonObject otherStreet = create(agent, "010102", "13911110005", "测试镇解放大道5号");
    JsonObject closed = create(agent, "010102", "13911110006", "测试镇幸福大道10号");
    assertThat(
            agent
                .post(
                    "/api/tickets/" + closed.getLong("id") + "/withdraw",
                    new JsonObject()
                        .put("version", closed.getInteger("version"))
                        .put("reason", "市民撤回"))
                .status())
        .isEqualTo(200);

    ApiClient.Response r =
        agent.get(
            "/api/tickets/duplicates?category=010102&location="
                + q("测试镇幸福大道10号")
                + "&number=13911110003");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, JsonObject> found = byNumber(r.array());
    assertThat(found)
        .containsKeys(
            sameStreet.getString("number"),
            shortName.getString("number"),
            sameCaller.getString("number"))
        .doesNotContainKeys(
            otherKind.getString("number"),
            otherStreet.getString("number"),
            closed.getString("number"));
    assertThat(found.get(sameStreet.getString("number")).getJsonArray("reasons"))
        .containsExactly("nearby");
    assertThat(found.get(sameCaller.getString("number")).getJsonArray("reasons"))
        .containsExactly("sameCaller");
    JsonObject dup = found.get(sameStreet.getString("number"));
    assertThat(dup.getString("state")).isEqualTo("RECEIVED");
    assertThat(dup.getInteger("version")).isEqualTo(sameStreet.getInteger("version"));
    // A duplicate is told by place and text: the citizen's data stays out of the list.
    assertThat(dup.containsKey("citizenPhone")).isFalse();
    assertThat(dup.containsKey("citizenName")).isFalse();
  }

  @Test
  void theCallerAloneFindsTheCallersOpenOrders() {
    ApiClient agent = platform.login("agent1");
    JsonObject mine = create(agent, "020101", "13911110011", "测试镇向阳路1号");
    ApiClient.Response r = agent.get("/api/tickets/duplicates?number=13911110011");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(byNumber(r.array())).containsOnlyKeys(mine.getString("number"));
  }

  @Test
  void duplicatesCheckTheirInputAndAreForCentreStaffOnly() {
    ApiClient agent = platform.login("agent1");
    assertBad(agent.get("/api/tickets/duplicates"), "category");
    assertBad(agent.get("/api/tickets/duplicates?category=abc"), "category");
    assertBad(agent.get("/api/tickets/duplicates?number=" + q("13x")), "number");
    assertBad(agent.get("/api/tickets/duplicates?category=010102&lat=39.9"), "lng");
    assertBad(agent.get("/api/tickets/duplicates?category=010102&lat=99&lng=116"), "lat");
    assertBad(agent.get("/api/tickets/duplicates?category=010102&lat=x&lng=116"), "lat");
    assertBad(
        agent.get("/api/tickets/duplicates?category=010102&location=" + "路".repeat(501)),
        "location");
    assertThat(platform.login("u-dc").get("/api/tickets/duplicates?category=010102").status())
        .isEqualTo(403);
    assertThat(platform.client().get("/api/tickets/duplicates?category=010102").status())
        .isEqualTo(401);
  }

  @Test
  void myDayListsTheOrdersAndCallsOfTheLoggedInAgentOnly() throws Exception {
    ApiClient agent = platform.login("agent1");
    try (Connection c = platform.jdbc()) {
      c.createStatement()
          .executeUpdate(
              "INSERT INTO call_record (id, caller, outcome, agent, entered_at, answered_at, talk_seconds)"
                  + " VALUES ('day-1', '13911110021', 'answered', 'agent1', now(), now(), 95),"
                  + " ('day-2', '13911110022', 'answered', 'PJSIP/agent1', now(), now(), 30),"
                  + " ('day-3', '13911110023', 'answered', 'agent2', now(), now(), 30),"
                  + " ('day-4', '13911110024', 'answered', 'agent1', now() - interval '3 days', now() - interval '3 days', 30)"
                  + " ON CONFLICT DO NOTHING");
    }
    JsonObject mine =
        agent
            .post(
                "/api/tickets",
                new JsonObject()
                    .put("channel", "phone")
                    .put("requestType", "consult")
                    .put("citizenPhone", "13911110021")
                    .put("description", "咨询公积金提取")
                    .put("callIds", new JsonArray().add("day-1")))
            .json();
    JsonObject theirs = create(platform.login("reviewer1"), "020101", "13911110025", "测试镇和平街2号");

    ApiClient.Response r = agent.get("/api/me/today");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Map<String, JsonObject> orders = byNumber(r.json().getJsonArray("orders"));
    assertThat(orders).containsKey(mine.getString("number"));
    assertThat(orders).doesNotContainKey(theirs.getString("number"));
    assertThat(orders.get(mine.getString("number")).getString("citizenPhone"))
        .isEqualTo("13911110021");
    Map<String, JsonObject> calls =
        r.json().getJsonArray("calls").stream()
            .map(JsonObject.class::cast)
            .collect(Collectors.toMap(j -> j.getString("id"), Function.identity()));
    assertThat(calls).containsKeys("day-1", "day-2").doesNotContainKeys("day-3", "day-4");
    assertThat(calls.get("day-1").getJsonArray("orders").getList())
        .isEqualTo(List.of(mine.getString("number")));
    assertThat(calls.get("day-1").getInteger("talkSeconds")).isEqualTo(95);
    // PIPL: the list shows citizens' numbers, so the view is logged.
    assertThat(
            one(
                "SELECT count(*) FROM personal_data_access WHERE username = 'agent1' AND order_id = "
                    + mine.getLong("id")))
        .isNotEqualTo("0");
    assertThat(platform.login("u-dc").get("/api/me/today").status()).isEqualTo(403);
  }

  private static Map<String, JsonObject> byNumber(JsonArray a) {
    return a.stream()
        .map(JsonObject.class::cast)
        .collect(Collectors.toMap(j -> j.getString("number"), Function.identity()));
  }

  private static void assertBad(ApiClient.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().getString("field")).isEqualTo(field);
  }
}
