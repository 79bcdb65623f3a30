package org.hotline.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.hotline.kb.Hit;
import org.hotline.kb.SearchQuery;
import org.hotline.kb.SearchResult;
import org.hotline.kb.SynonymTable;
import org.hotline.kb.index.HeadInfo;
import org.hotline.kb.index.IndexFields;

/**
 * Runs one search on an acquired {@link IndexSearcher}: plan, BM25 query, rerank of the top
 * candidates, snippets, confidence. Stateless apart from its configuration; thread-safe.
 */
public final class ArticleSearcher {

  static {
    // Long questions expand to many term clauses over 13 fields; the default limit is 1024.
    IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
  }

  private final SearchTuning tuning;
  private final QueryPlanner planner;
  private final Reranker reranker;
  private final ConfidenceModel confidence;
  private final Snippets snippets = new Snippets(90);

  /** A searcher with the given tuning and confidence model. */
  public ArticleSearcher(SearchTuning tuning, ConfidenceModel confidence) {
    this.tuning = tuning;
    this.planner = new QueryPlanner(tuning);
    this.reranker = new Reranker(tuning);
    this.confidence = confidence;
  }

  /** Plans a question (exposed for evaluation and tests). */
  public QueryPlan plan(String q, SynonymTable synonyms) {
    return planner.plan(q, synonyms);
  }

  /** A result with the features that decided its confidence (null features: no hit). */
  public record Outcome(SearchResult result, ConfidenceFeatures features) {}

  private record Candidate(int doc, float bm25, double score, String title, String keywords) {}

  /** Searches and also returns the confidence features of the best hit. */
  public Outcome searchWithFeatures(IndexSearcher searcher, SearchQuery q, SynonymTable synonyms)
      throws IOException {
    QueryPlan plan = planner.plan(q.q(), synonyms);
    if (plan.isEmpty()) {
      return new Outcome(SearchResult.empty(), null);
    }
    TopDocs top =
        searcher.search(
            OfferedFilter.wrap(scoringQuery(plan), q.today(), q.categoryFilter()),
            Math.max(q.limit(), tuning.rerankDepth()));
    if (top.scoreDocs.length == 0) {
      return new Outcome(SearchResult.empty(), null);
    }
    List<Candidate> ranked = rerank(searcher, top.scoreDocs, q.q(), plan);
    StoredFields stored = searcher.storedFields();
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(q.limit(), ranked.size()); i++) {
      Candidate c = ranked.get(i);
      Document d = stored.document(c.doc);
      String body = d.get(IndexFields.BODY);
      String snippet = snippets.snippet(body.isEmpty() ? c.title : body, plan.highlights());
      hits.add(new Hit(d.get(IndexFields.CODE), c.title, snippet, (float) c.score));
    }
    Candidate best = ranked.get(0);
    double second = ranked.size() > 1 ? ranked.get(1).score : 0;
    ConfidenceFeatures features =
        ConfidenceFeatures.measure(
            plan,
            best.title,
            best.keywords,
            stored.document(best.doc).get(IndexFields.BODY),
            (float) best.score,
            (float) second,
            best.bm25,
            new IndexUnitStats(searcher.getIndexReader()));
    return new Outcome(new SearchResult(confidence.confident(features), hits), features);
  }

  private static BooleanQuery scoringQuery(QueryPlan plan) {
    BooleanQuery.Builder scoring = new BooleanQuery.Builder();
    for (Map.Entry<String, Map<String, Float>> field : plan.terms().entrySet()) {
      for (Map.Entry<String, Float> t : field.getValue().entrySet()) {
        scoring.add(
            new BoostQuery(new TermQuery(new Term(field.getKey(), t.getKey())), t.getValue()),
            BooleanClause.Occur.SHOULD);
      }
    }
    return scoring.build();
  }

  private List<Candidate> rerank(
      IndexSearcher searcher, ScoreDoc[] docs, String question, QueryPlan plan) throws IOException {
    Reranker.QuestionView view = reranker.view(question, plan);
    IndexUnitStats stats = new IndexUnitStats(searcher.getIndexReader());
    double[] weights = new double[plan.units().size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = stats.weight(plan.units().get(i));
    }
    float topScore = docs[0].score;
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    ScoreDoc[] byDoc = docs.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(sd -> sd.doc));
    List<Candidate> out = new ArrayList<>(docs.length);
    int leafIndex = -1;
    BinaryDocValues heads = null;
    for (ScoreDoc sd : byDoc) {
      int li = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        heads = DocValues.getBinary(leaf.reader(), IndexFields.HEAD);
      }
      HeadInfo head =
          HeadInfo.decode(
              heads.advanceExact(sd.doc - leaf.docBase) ? heads.binaryValue().utf8ToString() : "");
      String title = head.title();
      String keywords = head.keywords();
      double score =
          sd.score / topScore
              + reranker.bonus(view, head)
              + tuning.headBonus() * ConfidenceFeatures.headCoverage(plan.units(), weights, head);
      out.add(new Candidate(sd.doc, sd.score, score, title, keywords));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }
}
