package org.hotline.ticketing.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.ticketing.report.EvaluationQueryTest.t;
import static org.hotline.ticketing.report.ReportDb.await;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hot issues as of 2026-11-30 12:00 with a 6-hour window against the previous 7 days: the current
 * window is [06:00, 12:00) of 11-30, the usual level the mean over [06:00, 12:00) of 11-23..11-29.
 */
class HotIssuesTest {

  static final OffsetDateTime AS_OF = t("2026-11-30T12:00");
  static final HotIssueSettings SIX_HOURS = new HotIssueSettings(6, 7, 50, 3);

  ReportDb db;

  @BeforeEach
  void reset() throws Exception {
    db = ReportDb.get();
    db.reset();
  }

  void orders(String category, String area, String... times) throws Exception {
    for (String time : times) {
      db.order("RECEIVED", null, t(time), null, null, null, null, null, category, area);
    }
  }

  @Test
  void aJumpInACategoryAndItsAreaIsFlaggedWithItsOrders() throws Exception {
    // 路灯 in 北区: 4 now (the first at the window's opening instant), 2 in the same window of
    // earlier days → usual 2/7, +1300 %. One at 12:00 (not yet in), one at 13:00 on 11-29
    // (between windows): neither counts.
    orders(
        "010101",
        "北区",
        "2026-11-30T06:00",
        "2026-11-30T08:00",
        "2026-11-30T09:00",
        "2026-11-30T11:59",
        "2026-11-30T12:00",
        "2026-11-29T13:00",
        "2026-11-27T07:00",
        "2026-11-24T10:00");
    // 噪音: 3 now, 3 in each earlier window → usual 3: not hot. No area.
    orders("020101", null, "2026-11-30T07:00", "2026-11-30T07:30", "2026-11-30T08:00");
    for (int d = 1; d <= 7; d++) {
      String day = "2026-11-" + (30 - d);
      orders("020101", null, day + "T07:00", day + "T08:00", day + "T09:00");
    }
    // 供水: 2 now, nothing before: below the minimum count of 3.
    orders("030101", null, "2026-11-30T07:00", "2026-11-30T08:00");

    HotIssues.Result r = await(new HotIssues(db.pool).find(AS_OF, SIX_HOURS));
    assertThat(r.table().rows())
        .extracting(row -> row.get("dimension") + ":" + row.get("key"))
        .containsExactlyInAnyOrder("category:010101", "area:北区");
    JsonObject lamp =
        r.items().stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getString("key").equals("010101"))
            .findFirst()
            .orElseThrow();
    assertThat(lamp.getString("name")).isEqualTo("路灯");
    assertThat(lamp.getLong("count")).isEqualTo(4);
    assertThat(lamp.getDouble("baseline")).isEqualTo(0.3);
    assertThat(lamp.getDouble("increasePct")).isEqualTo(1300.0);
    assertThat(lamp.getJsonArray("orders")).hasSize(4);
    assertThat(lamp.getJsonArray("orders").getJsonObject(0).getString("createdAt"))
        .startsWith("2026-11-30T03:59"); // newest first (UTC)
  }

  @Test
  void theMarginAndTheMinimumAreTakenFromTheSettings() throws Exception {
    orders(
        "020101",
        null,
        "2026-11-30T07:00",
        "2026-11-30T07:30",
        "2026-11-30T08:00",
        "2026-11-30T09:00");
    for (int d = 1; d <= 7; d++) {
      String day = "2026-11-" + (30 - d);
      orders("020101", null, day + "T07:00", day + "T08:00", day + "T09:00");
    }
    // 4 against a usual 3: +33 %. Hot with a 30 % margin, not with 50 %.
    assertThat(await(new HotIssues(db.pool).find(AS_OF, SIX_HOURS)).table().rows()).isEmpty();
    List<?> hot =
        await(new HotIssues(db.pool).find(AS_OF, new HotIssueSettings(6, 7, 30, 3))).table().rows();
    assertThat(hot).hasSize(1);
    assertThat(
            await(new HotIssues(db.pool).find(AS_OF, new HotIssueSettings(6, 7, 30, 5)))
                .table()
                .rows())
        .isEmpty();
  }

  @Test
  void settingsAreCheckedKeyByKey() {
    assertThat(HotIssueSettings.from(new JsonObject().put("windowHours", 3)))
        .isEqualTo(new HotIssueSettings(3, 7, 50, 5));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HotIssueSettings.from(new JsonObject().put("windowHours", 48)))
        .hasMessageContaining("windowHours");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> HotIssueSettings.from(new JsonObject().put("minCount", "five")))
        .hasMessageContaining("minCount");
  }
}
