package org.hotline.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The knowledge base through the API: PostgreSQL storage, the derived index, import and search. */
class KnowledgeApiTest {

  static TestPlatform platform;
  static ApiClient agent;
  static ApiClient editor;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    agent = platform.login("agent1");
    editor = platform.login("kbeditor1");
  }

  @org.junit.jupiter.api.AfterAll
  static void noEventLoopWasBlocked() {
    assertThat(BlockedThreadWatch.install().eventLoopWarnings())
        .as("Vert.x blocked-thread warnings")
        .isEmpty();
  }

  static JsonObject search(String q) {
    ApiClient.Response r = agent.get("/api/kb/search?limit=5&q=" + ApiClient.q(q));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  static ApiClient.Response importLines(ApiClient who, String lines) {
    return who.post("/api/kb/import", lines, "application/x-ndjson");
  }

  static String firstCode(JsonObject result) {
    JsonArray hits = result.getJsonArray("hits");
    return hits.isEmpty() ? null : hits.getJsonObject(0).getString("code");
  }

  @Test
  void theSeedBaseIsLoadedAndAnswersAPlainQuestion() {
    JsonObject r = search("公积金租房提取需要什么材料");
    assertThat(r.getBoolean("confident")).isTrue();
    JsonObject hit = r.getJsonArray("hits").getJsonObject(0);
    assertThat(hit.fieldNames()).contains("code", "title", "snippet", "score");
    assertThat(hit.getString("title")).contains("租房");
    assertThat(hit.getString("snippet")).contains("<em>");
  }

  @Test
  void importUpsertsByCodeAndIsSearchableWhenTheCallReturns() {
    String v1 =
        new JsonObject()
            .put("code", "T-IMPORT-1")
            .put("title", "火星移民补贴申领")
            .put("body", "本市居民申请火星移民补贴，需携带身份证到市航天局窗口办理。")
            .put("category", "测试")
            .put("keywords", new JsonArray().add("火星").add("移民补贴"))
            .encode();
    ApiClient.Response r = importLines(editor, v1);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().getInteger("imported")).isEqualTo(1);
    assertThat(firstCode(search("火星移民补贴怎么申请"))).isEqualTo("T-IMPORT-1");

    String v2 =
        new JsonObject(v1)
            .put("title", "土星移民补贴申领")
            .put("body", "本市居民申请土星移民补贴，需携带身份证到市航天局窗口办理。")
            .put("keywords", new JsonArray().add("土星"))
            .encode();
    assertThat(importLines(editor, v2).json().getInteger("imported")).isEqualTo(1);
    assertThat(firstCode(search("土星移民补贴怎么申请"))).isEqualTo("T-IMPORT-1");
    assertThat(agent.get("/api/kb/articles/T-IMPORT-1").json().getString("title"))
        .isEqualTo("土星移民补贴申领");
    String exported = agent.get("/api/kb/export").body();
    assertThat(exported.lines().filter(l -> l.contains("\"T-IMPORT-1\"")).count()).isEqualTo(1);
  }

  @Test
  void badLinesAreReportedAndGoodLinesKept() {
    String lines =
        String.join(
            "\n",
            new JsonObject()
                .put("code", "T-GOOD-1")
                .put("title", "冥王星探亲假")
                .put("body", "冥王星探亲假每年十五天。")
                .encode(),
            "{not json",
            new JsonObject().put("code", "T-BAD-2").put("body", "没有标题").encode(),
            new JsonObject()
                .put("code", "T-BAD-3")
                .put("title", "日期错")
                .put("body", "x")
                .put("validFrom", "2026-13-01")
                .encode(),
            new JsonObject()
                .put("code", "T-BAD-4")
                .put("title", "关键词错")
                .put("body", "x")
                .put("keywords", "不是数组")
                .encode());
    ApiClient.Response r = importLines(editor, lines);
    JsonObject j = r.json();
    assertThat(j.getInteger("lines")).isEqualTo(5);
    assertThat(j.getInteger("imported")).isEqualTo(1);
    assertThat(j.getJsonArray("errors").stream().map(e -> ((JsonObject) e).getInteger("line")))
        .containsExactly(2, 3, 4, 5);
    assertThat(j.getJsonArray("errors").getJsonObject(1).getString("field")).isEqualTo("title");
    assertThat(agent.get("/api/kb/articles/T-BAD-2").status()).isEqualTo(404);
    assertThat(agent.get("/api/kb/articles/T-GOOD-1").status()).isEqualTo(200);
  }

  @Test
  void anExpiredPolicyIsNotOfferedAndAnEditIsSearchableAtOnce() {
    String line =
        new JsonObject()
            .put("code", "T-EXPIRED")
            .put("title", "木星旅游消费券领取")
            .put("body", "木星旅游消费券每人限领一张。")
            .put("validFrom", "2020-01-01")
            .put("validUntil", "2021-12-31")
            .encode();
    importLines(editor, line);
    assertThat(
            search("木星旅游消费券领取").getJsonArray("hits").stream()
                .map(h -> ((JsonObject) h).getString("code")))
        .doesNotContain("T-EXPIRED");
    ApiClient.Response put =
        editor.put(
            "/api/kb/articles/T-EXPIRED",
            new JsonObject()
                .put("title", "木星旅游消费券领取")
                .put("body", "木星旅游消费券每人限领一张。")
                .put("validFrom", "2020-01-01")
                .encode());
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    assertThat(firstCode(search("木星旅游消费券领取"))).isEqualTo("T-EXPIRED");
  }

  @Test
  void onlyEditorsChangeTheBase() {
    assertThat(importLines(agent, "{\"code\":\"X\",\"title\":\"t\",\"body\":\"b\"}").status())
        .isEqualTo(403);
    assertThat(editor.post("/api/kb/import", "{\"code\":\"X\"}", "application/json").status())
        .isEqualTo(400);
    assertThat(agent.get("/api/kb/search?q=").status()).isEqualTo(400);
  }

  @Test
  void suggestCompletesTitlesAndKeywords() {
    ApiClient.Response r = agent.get("/api/kb/suggest?q=" + ApiClient.q("公积金"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.array().size()).isPositive();
  }

  @Test
  void editedSynonymsApplyToSearchAtOnce() {
    importLines(
        editor,
        new JsonObject()
            .put("code", "T-SYN")
            .put("title", "海王星观测站参观预约")
            .put("body", "海王星观测站每周六开放参观，需提前预约。")
            .encode());
    String text = agent.get("/api/kb/synonyms").body();
    ApiClient.Response saved =
        editor.put(
            "/api/kb/synonyms", new JsonObject().put("text", text + "\n海王星观测站,蓝色天文台\n").encode());
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(firstCode(search("蓝色天文台参观预约"))).isEqualTo("T-SYN");
  }
}
