package org.hotline.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.hotline.kb.Article;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.index.ArticleDocuments;
import org.hotline.kb.index.IndexFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first pass keeps the informative terms of a question within its clause and postings budget.
 */
class FirstPassQueryTest {

  private Directory dir;
  private DirectoryReader reader;
  private IndexSearcher searcher;

  @BeforeEach
  void index() throws Exception {
    dir = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(IndexFields.analyzer()))) {
      // 200 cards that all say 办理 and 材料; one that also names 天王星驿站.
      for (int i = 0; i < 200; i++) {
        w.addDocument(
            ArticleDocuments.toDocument(
                Article.published("C-" + i, "证件办理材料" + i, "办理时请带好材料。", "测试", List.of("办理"))));
      }
      w.addDocument(
          ArticleDocuments.toDocument(
              Article.published("RARE", "天王星驿站开放时间", "天王星驿站每天九点开放，办理材料另见。", "测试", List.of())));
    }
    reader = DirectoryReader.open(dir);
    searcher = new IndexSearcher(reader);
  }

  @AfterEach
  void close() throws Exception {
    reader.close();
    dir.close();
  }

  private static Set<String> termTexts(BooleanQuery q) {
    return q.clauses().stream()
        .map(BooleanClause::getQuery)
        .map(c -> ((TermQuery) ((BoostQuery) c).getQuery()).getTerm().text())
        .collect(Collectors.toSet());
  }

  @Test
  void aTightPostingsBudgetKeepsTheRareTermsAndDropsTheCommonOnes() {
    QueryPlan plan =
        new QueryPlanner(SearchTuning.DEFAULT).plan("天王星驿站办理要什么材料", SynonymTable.empty());
    TermLookup lookup = new TermLookup(searcher);

    FirstPassQuery.Built everything =
        FirstPassQuery.build(lookup, plan.terms(), 10_000, Long.MAX_VALUE);
    BooleanQuery all = (BooleanQuery) everything.query();
    assertThat(termTexts(all)).contains("办理", "材料", "天王", "驿站");
    assertThat(everything.scoredShare()).isEqualTo(1.0);

    FirstPassQuery.Built tight = FirstPassQuery.build(lookup, plan.terms(), 10_000, 50);
    BooleanQuery bounded = (BooleanQuery) tight.query();
    // The common terms left out still count in what the question weighs.
    assertThat(tight.scoredShare()).isGreaterThan(0.0).isLessThan(1.0);
    long postings =
        bounded.clauses().stream()
            .mapToLong(
                c -> {
                  TermQuery tq = (TermQuery) ((BoostQuery) c.getQuery()).getQuery();
                  return lookup.df(tq.getTerm().field(), tq.getTerm().text());
                })
            .sum();
    // At most the budget for the head-field floor plus the budget for the rest.
    assertThat(postings).isLessThanOrEqualTo(2 * 50);
    assertThat(termTexts(bounded)).contains("天王", "驿站").doesNotContain("办理", "材料");
  }

  @Test
  void theClauseCapKeepsTheMostInformativeTerms() {
    QueryPlan plan =
        new QueryPlanner(SearchTuning.DEFAULT).plan("天王星驿站办理要什么材料", SynonymTable.empty());
    TermLookup lookup = new TermLookup(searcher);
    BooleanQuery four =
        (BooleanQuery) FirstPassQuery.build(lookup, plan.terms(), 4, Long.MAX_VALUE).query();
    assertThat(four.clauses()).hasSize(4);
    for (BooleanClause c : four.clauses()) {
      TermQuery tq = (TermQuery) ((BoostQuery) c.getQuery()).getQuery();
      assertThat(lookup.df(tq.getTerm().field(), tq.getTerm().text())).isEqualTo(1);
    }
  }

  @Test
  void termsAbsentFromTheIndexGiveNoQuery() {
    Map<String, Map<String, Float>> terms = Map.of("t_b", Map.of("冥王", 1f));
    assertThat(FirstPassQuery.build(new TermLookup(searcher), terms, 10, 1000)).isNull();
  }

  @Test
  void containsChecksOneDocumentThroughThePostings() throws Exception {
    TermLookup lookup = new TermLookup(searcher);
    int rare = searcher.search(new TermQuery(ArticleDocuments.key("RARE")), 1).scoreDocs[0].doc;
    String field = IndexFields.Source.BODY.field(IndexFields.Way.BIGRAMS);
    assertThat(lookup.contains(field, "驿站", rare)).isTrue();
    assertThat(lookup.contains(field, "驿站", rare == 0 ? 1 : 0)).isFalse();
  }
}
