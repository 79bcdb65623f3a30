package org.hotline.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour of the index on a real temporary directory, with the fixture corpus. */
class KnowledgeIndexTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  @TempDir Path dir;
  private KnowledgeIndex index;

  @BeforeEach
  void openIndex() throws Exception {
    index = KnowledgeIndex.open(dir.resolve("kb"), Fixtures.synonyms());
    index.replaceAll(Fixtures.articles());
  }

  @AfterEach
  void closeIndex() throws Exception {
    index.close();
  }

  private SearchResult search(String q) throws Exception {
    return index.search(new SearchQuery(q, 5, null, TODAY));
  }

  private List<String> codes(String q) throws Exception {
    return search(q).hits().stream().map(Hit::code).toList();
  }

  private static Article article(String code, String title, String body) {
    return Article.published(code, title, body, "测试", List.of());
  }

  @Test
  void anAsynchronousSearchGivesTheSameAnswerOnASearchThread() throws Exception {
    SearchQuery q = new SearchQuery("路灯不亮", 5, null, TODAY);
    java.util.concurrent.atomic.AtomicReference<String> thread =
        new java.util.concurrent.atomic.AtomicReference<>();
    SearchResult async =
        index
            .searchAsync(q)
            .whenComplete((r, e) -> thread.set(Thread.currentThread().getName()))
            .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(async.hits()).isNotEmpty();
    assertThat(async).isEqualTo(index.search(q));
    assertThat(thread.get()).startsWith("kb-search-");
  }

  @Test
  void upsertReplacesByCode() throws Exception {
    int before = index.count();
    index.upsert(article("T-005", "路灯不亮报修", "新的答复：请联系街道办。"));
    assertThat(index.count()).isEqualTo(before);
    assertThat(index.get("T-005")).get().extracting(Article::body).isEqualTo("新的答复：请联系街道办。");
  }

  @Test
  void anEditIsSearchableAtOnce() throws Exception {
    assertThat(codes("犬只免疫证明")).first().isNotEqualTo("T-005");
    index.upsert(article("T-005", "犬只免疫证明办理", "携带犬只到动物诊疗机构接种狂犬疫苗。"));
    assertThat(codes("犬只免疫证明")).first().isEqualTo("T-005");
  }

  @Test
  void expiredAndFutureArticlesAreNotOffered() throws Exception {
    assertThat(codes("离职提取公积金")).doesNotContain("T-014");
    index.upsert(
        new Article(
            "T-100",
            "犬只登记办理",
            "养犬登记。",
            "测试",
            List.of(),
            TODAY.plusDays(1),
            null,
            ArticleStatus.PUBLISHED,
            null,
            null));
    assertThat(codes("犬只登记")).doesNotContain("T-100");
    assertThat(index.search(new SearchQuery("犬只登记", 5, null, TODAY.plusDays(1))).hits())
        .extracting(Hit::code)
        .contains("T-100");
  }

  @Test
  void draftsAndRetiredArticlesAreNotOffered() throws Exception {
    for (ArticleStatus status : List.of(ArticleStatus.DRAFT, ArticleStatus.RETIRED)) {
      index.upsert(
          new Article("T-101", "犬只登记办理", "养犬登记。", "测试", List.of(), null, null, status, null, null));
      assertThat(codes("犬只登记")).doesNotContain("T-101");
    }
  }

  @Test
  void deleteRemovesTheArticle() throws Exception {
    assertThat(codes("路灯不亮")).contains("T-005");
    index.delete("T-005");
    assertThat(codes("路灯不亮")).doesNotContain("T-005");
    assertThat(index.get("T-005")).isEmpty();
  }

  @Test
  void synonymsFindTheCardWrittenWithTheOtherWord() throws Exception {
    assertThat(codes("街灯坏了晚上黑乎乎的")).first().isEqualTo("T-005");
    assertThat(codes("退休金怎么领")).first().isEqualTo("T-007");
    assertThat(codes("老板不发工资怎么办")).first().isEqualTo("T-009");
  }

  @Test
  void synonymsCanBeReplacedAtRuntime() throws Exception {
    index.setSynonyms(SynonymTable.empty());
    assertThat(codes("夜里看不见")).first().isNotEqualTo("T-005");
    index.setSynonyms(SynonymTable.parse("夜里看不见 => 路灯"));
    assertThat(codes("夜里看不见")).first().isEqualTo("T-005");
  }

  @Test
  void homophoneTyposStillFindTheCard() throws Exception {
    assertThat(codes("医宝卡丢了怎么办")).first().isEqualTo("T-006");
    assertThat(codes("共想单车乱停")).first().isEqualTo("T-010");
  }

  @Test
  void typedPinyinAndAbbreviationsAreUnderstood() throws Exception {
    assertThat(codes("gjj租房提取")).first().isEqualTo("T-003");
    assertThat(codes("gongjijin")).first().isIn("T-003", "T-004");
    assertThat(codes("yibaoka buban")).first().isEqualTo("T-006");
  }

  @Test
  void nearDuplicatesAreToldApart() throws Exception {
    assertThat(codes("第一次办居住证需要什么材料")).first().isEqualTo("T-001");
    assertThat(codes("居住证快到期了要去续签吗")).first().isEqualTo("T-002");
    assertThat(codes("租房子能不能取公积金")).first().isEqualTo("T-003");
    assertThat(codes("买房子能不能取公积金")).first().isEqualTo("T-004");
  }

  @Test
  void categoryFilterRestrictsHits() throws Exception {
    SearchResult r = index.search(new SearchQuery("办理", 10, "住房公积金", TODAY));
    assertThat(r.hits()).isNotEmpty();
    assertThat(r.hits())
        .extracting(Hit::code)
        .allMatch(c -> c.equals("T-003") || c.equals("T-004"));
  }

  @Test
  void snippetsAreEscapedAndHighlighted() throws Exception {
    index.upsert(article("T-102", "犬只登记", "养犬<登记>请到派出所办理 & 缴费。"));
    Hit hit = search("犬只登记").hits().get(0);
    assertThat(hit.snippet()).contains("<em>登记</em>").contains("&lt;").contains("&amp;");
    assertThat(hit.snippet()).doesNotContain("<登记>");
  }

  @Test
  void confidenceSeparatesAnswersFromNoise() throws Exception {
    assertThat(search("路灯不亮找谁报修").confident()).isTrue();
    assertThat(search("医保卡丢了怎么补办").confident()).isTrue();
    assertThat(search("明天去动物园玩带什么零食好").confident()).isFalse();
  }

  @Test
  void suggestCompletesChinesePrefixesAndPinyin() throws Exception {
    assertThat(index.suggest("居住", 5)).contains("居住证", "居住证首次办理", "居住证续签");
    assertThat(index.suggest("gjj", 5)).contains("公积金");
    assertThat(index.suggest("lud", 5)).contains("路灯");
    assertThat(index.suggest("旧版", 5)).isEmpty(); // expired article
  }

  @Test
  void markerPersistsAcrossReopen() throws Exception {
    assertThat(index.marker()).isEmpty();
    index.upsert(article("T-103", "犬只登记", "养犬登记。"));
    index.setMarker("outbox-42");
    index.close();
    index = KnowledgeIndex.open(dir.resolve("kb"), Fixtures.synonyms());
    assertThat(index.marker()).contains("outbox-42");
    assertThat(index.get("T-103")).isPresent();
  }

  @Test
  void aMissingDirectoryOpensEmptyWithoutMarker() throws Exception {
    try (KnowledgeIndex fresh =
        KnowledgeIndex.open(dir.resolve("absent/kb"), SynonymTable.empty())) {
      assertThat(fresh.count()).isZero();
      assertThat(fresh.marker()).isEmpty();
      assertThat(fresh.search(new SearchQuery("路灯", 5, null, TODAY)).hits()).isEmpty();
    }
  }
}
