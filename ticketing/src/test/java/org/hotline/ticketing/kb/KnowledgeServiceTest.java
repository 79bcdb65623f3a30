package org.hotline.ticketing.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hotline.ticketing.api.TestPlatform;
import org.hotline.ticketing.db.Db;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derived index: rebuilt when missing, repaired from the outbox after a crash. */
class KnowledgeServiceTest {

  @TempDir Path dir;
  Vertx vertx;
  Pool pool;
  TestPlatform platform;

  @BeforeEach
  void setUp() {
    platform = TestPlatform.get();
    vertx = Vertx.vertx();
    pool = Db.pool(vertx, platform.config);
  }

  @AfterEach
  void tearDown() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  <T> T await(io.vertx.core.Future<T> f) {
    return f.toCompletionStage().toCompletableFuture().join();
  }

  @Test
  void aDeletedIndexIsRebuiltFromPostgresqlAtStart() throws Exception {
    Path index = dir.resolve("kb-index");
    KnowledgeService first = await(KnowledgeService.start(vertx, pool, index));
    assertThat(await(first.search("居住证续签", 3, null)).hits()).isNotEmpty();
    await(first.close());
    try (Stream<Path> files = Files.walk(index)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(index).doesNotExist();
    KnowledgeService second = await(KnowledgeService.start(vertx, pool, index));
    assertThat(await(second.search("居住证续签", 3, null)).hits()).isNotEmpty();
    await(second.close());
  }

  @Test
  void aChangeCommittedButNeverIndexedIsRepairedByTheCatchUp() throws Exception {
    KnowledgeService kb = await(KnowledgeService.start(vertx, pool, dir.resolve("kb-index")));
    // As if the node died right after the commit: the row and its outbox entry, no indexing.
    try (Connection c = platform.jdbc()) {
      c.setAutoCommit(false);
      c.createStatement()
          .executeUpdate(
              "INSERT INTO kb_article (code, title, body, status, updated_by) VALUES"
                  + " ('T-CRASH', '天王星驿站开放时间', '天王星驿站每天九点开放。', 'published', 'test')"
                  + " ON CONFLICT (code) DO UPDATE SET title = EXCLUDED.title");
      c.createStatement()
          .executeUpdate(
              "INSERT INTO outbox (topic, payload) VALUES ('kb.article', '{\"code\":\"T-CRASH\"}')");
      c.commit();
    }
    await(kb.catchUp());
    assertThat(await(kb.search("天王星驿站几点开放", 3, null)).hits())
        .first()
        .satisfies(h -> assertThat(h.code()).isEqualTo("T-CRASH"));
    await(kb.close());
  }

  @Test
  void validityIsJudgedOnThePlatformClockForSearchAndSuggest() throws Exception {
    Path index = dir.resolve("kb-index");
    try (Connection c = platform.jdbc()) {
      c.createStatement()
          .executeUpdate(
              "INSERT INTO kb_article (code, title, body, status, valid_until, updated_by) VALUES"
                  + " ('T-CLOCK', '海王星驿站开放时间', '海王星驿站每天九点开放。', 'published',"
                  + " DATE '2029-12-31', 'test') ON CONFLICT (code) DO NOTHING");
      c.createStatement()
          .executeUpdate(
              "INSERT INTO outbox (topic, payload) VALUES ('kb.article', '{\"code\":\"T-CLOCK\"}')");
    }
    KnowledgeService before =
        await(KnowledgeService.start(vertx, pool, index, clockAt("2029-12-31T12:00:00Z")));
    await(before.catchUp());
    assertThat(await(before.suggest("海王星", 5))).contains("海王星驿站开放时间");
    assertThat(await(before.search("海王星驿站几点开放", 3, null)).hits())
        .extracting(h -> h.code())
        .contains("T-CLOCK");
    await(before.close());
    // 2029-12-31T18:00Z is already 2030-01-01 in Shanghai: the policy has expired there.
    KnowledgeService after =
        await(KnowledgeService.start(vertx, pool, index, clockAt("2029-12-31T18:00:00Z")));
    assertThat(await(after.suggest("海王星", 5))).doesNotContain("海王星驿站开放时间");
    assertThat(await(after.search("海王星驿站几点开放", 3, null)).hits())
        .extracting(h -> h.code())
        .doesNotContain("T-CLOCK");
    await(after.close());
  }

  private static java.time.Clock clockAt(String instant) {
    return java.time.Clock.fixed(java.time.Instant.parse(instant), java.time.ZoneOffset.UTC);
  }
}
