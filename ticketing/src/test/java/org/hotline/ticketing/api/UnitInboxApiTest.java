package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/unit/inbox: the unit portal's tabs, scoped to the unit in SQL, citizens masked. */
class UnitInboxApiTest {

  static final String UNIT = "dc-hp"; // 和平街道, with 柳荫社区 (dc-hp-ly) below it
  static TestPlatform platform;
  static ApiClient handler;
  static ApiClient child;
  static ApiClient reviewer;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    handler = platform.login("u-" + UNIT);
    child = platform.login("u-dc-hp-ly");
    reviewer = platform.login("reviewer1");
  }

  static JsonObject inbox(ApiClient who, String tab) {
    ApiClient.Response r = who.get("/api/unit/inbox?size=200&tab=" + tab);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static JsonObject item(JsonObject inbox, long id) {
    JsonArray items = inbox.getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      if (items.getJsonObject(i).getLong("id") == id) {
        return items.getJsonObject(i);
      }
    }
    return null;
  }

  static JsonObject fresh(JsonObject order) {
    return platform.login("dispatcher1").get("/api/tickets/" + order.getLong("id")).json();
  }

  @Test
  void ordersMoveThroughTheTabsAndTheCountsFollow() {
    long signBefore = inbox(handler, "sign").getJsonObject("counts").getLong("sign");
    JsonObject order = AttachmentApiTest.dispatchedTo(UNIT);
    long id = order.getLong("id");

    JsonObject toSign = inbox(handler, "sign");
    assertThat(toSign.getJsonObject("counts").getLong("sign")).isEqualTo(signBefore + 1);
    JsonObject row = item(toSign, id);
    assertThat(row).isNotNull();
    assertThat(row.getBoolean("mine")).isTrue();
    assertThat(row.getString("citizenPhone")).isEqualTo("138****5678");
    assertThat(row.getString("citizenName")).isEqualTo("张*");
    assertThat(toSign.encode()).doesNotContain("13812345678");
    assertThat(toSign.getJsonObject("limits").getLong("maxFileBytes")).isEqualTo(10L << 20);

    order = AttachmentApiTest.act(handler, order, "sign", new JsonObject());
    assertThat(item(inbox(handler, "sign"), id)).isNull();
    JsonObject doing = inbox(handler, "doing");
    assertThat(item(doing, id)).isNotNull();
    assertThat(doing.getJsonObject("counts").getLong("sign")).isEqualTo(signBefore);

    order = AttachmentApiTest.act(handler, order, "reply", new JsonObject().put("text", "已修复"));
    assertThat(item(inbox(handler, "doing"), id)).isNull();
    assertThat(item(inbox(handler, "replied"), id)).isNotNull();

    // 审核退回: back in hand and in "returned to us".
    AttachmentApiTest.act(
        reviewer, order, "review-reject", new JsonObject().put("reason", "未说明修复时间"));
    JsonObject returned = inbox(handler, "returned");
    assertThat(item(returned, id)).isNotNull();
    assertThat(item(returned, id).getInteger("rehandleCount")).isEqualTo(1);
    assertThat(item(inbox(handler, "doing"), id)).isNotNull();
  }

  @Test
  void dueSoonAndOverdueFollowTheDeadlines() throws Exception {
    long soon = AttachmentApiTest.dispatchedTo(UNIT).getLong("id");
    long late = AttachmentApiTest.dispatchedTo(UNIT).getLong("id");
    try (Connection c = platform.jdbc();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE work_order SET dispatched_at = now() - interval '30 days',"
                    + " sign_deadline = now() + ?::interval, due_deadline = now() + ?::interval"
                    + " WHERE id = ?")) {
      s.setString(1, "1 hour");
      s.setString(2, "2 hours");
      s.setLong(3, soon);
      s.executeUpdate();
      s.setString(1, "-1 hour");
      s.setString(2, "5 days");
      s.setLong(3, late);
      s.executeUpdate();
    }
    JsonObject dueSoon = inbox(handler, "soon");
    assertThat(item(dueSoon, soon)).isNotNull();
    assertThat(item(dueSoon, soon).getBoolean("dueSoon")).isTrue();
    assertThat(item(dueSoon, late)).isNull();
    JsonObject overdue = inbox(handler, "overdue");
    assertThat(item(overdue, late)).isNotNull();
    assertThat(item(overdue, late).getBoolean("overdue")).isTrue();
    assertThat(item(overdue, soon)).isNull();
    // A fresh order is neither.
    long fresh = AttachmentApiTest.dispatchedTo(UNIT).getLong("id");
    assertThat(item(inbox(handler, "soon"), fresh)).isNull();
    assertThat(item(inbox(handler, "sign"), fresh).getBoolean("dueSoon")).isFalse();
  }

  @Test
  void nothingOfOtherUnitsIsVisible() {
    JsonObject order = AttachmentApiTest.dispatchedTo(UNIT);
    long id = order.getLong("id");
    ApiClient stranger = platform.login("u-xc-wq");
    for (String tab : List.of("sign", "doing", "soon", "overdue", "returned", "replied")) {
      JsonObject box = inbox(stranger, tab);
      assertThat(item(box, id)).as(tab).isNull();
      JsonArray items = box.getJsonArray("items");
      for (int i = 0; i < items.size(); i++) {
        JsonObject o = items.getJsonObject(i);
        List<Object> units = new java.util.ArrayList<>(o.getJsonArray("coUnits").getList());
        units.add(o.getString("leadUnit"));
        units.add(o.getString("handlingUnit"));
        assertThat(units)
            .as("order %s in tab %s", o.getString("number"), tab)
            .anyMatch(u -> u != null && u.toString().startsWith("xc-wq"));
      }
    }
    assertThat(stranger.get("/api/tickets/" + id).status()).isEqualTo(404);
    assertThat(stranger.get("/api/tickets?q=" + order.getString("number")).json().getLong("total"))
        .isZero();
    // The unit below sees nothing until the order is sub-dispatched to it; then it holds it and
    // the street office above still sees it, without acting on it.
    assertThat(item(inbox(child, "sign"), id)).isNull();
    order = AttachmentApiTest.act(handler, order, "sign", new JsonObject());
    AttachmentApiTest.act(handler, order, "subdispatch", new JsonObject().put("unit", "dc-hp-ly"));
    assertThat(item(inbox(child, "sign"), id).getBoolean("mine")).isTrue();
    assertThat(item(inbox(handler, "sign"), id).getBoolean("mine")).isFalse();
    assertThat(fresh(order).getString("handlingUnit")).isEqualTo("dc-hp-ly");
  }

  @Test
  void onlyUnitStaffHaveAnInboxAndTabsAreChecked() {
    ApiClient.Response centre = reviewer.get("/api/unit/inbox");
    assertThat(centre.status()).isEqualTo(403);
    ApiClient.Response bad = handler.get("/api/unit/inbox?tab=all");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("field")).isEqualTo("tab");
    assertThat(platform.client().get("/api/unit/inbox").status()).isEqualTo(401);
    assertThat(inbox(handler, "sign").getString("tab")).isEqualTo("sign");
  }
}
