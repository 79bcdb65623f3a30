package org.hotline.kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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

  private final SearchTuning tuning;
  private final QueryPlanner planner;
  private final Reranker reranker;
  private final ConfidenceModel confidence;
  private final Snippets snippets = new Snippets(90);

  /** Term states of the current index generation, shared by its searches. */
  private volatile TermLookup.Shared sharedTerms;

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

  /**
   * A first-pass hit with what the second stage read of it (once: reading doc values allocates).
   */
  private record Candidate(
      int doc, float bm25, double score, HeadInfo head, BodyText body, String code) {}

  /** Searches and also returns the confidence features of the best hit. */
  public Outcome searchWithFeatures(IndexSearcher searcher, SearchQuery q, SynonymTable synonyms)
      throws IOException {
    QueryPlan plan = planner.plan(q.q(), synonyms);
    if (plan.isEmpty()) {
      return new Outcome(SearchResult.empty(), null);
    }
    TermLookup.Shared cached = sharedTerms;
    if (cached == null || !cached.isFor(searcher)) {
      cached = new TermLookup.Shared(searcher);
      sharedTerms = cached;
    }
    TermLookup lookup = new TermLookup(searcher, cached);
    FirstPassQuery.Built built =
        FirstPassQuery.build(lookup, plan.terms(), tuning.maxClauses(), tuning.maxPostings());
    if (built == null) {
      return new Outcome(SearchResult.empty(), null);
    }
    int depth = Math.max(q.limit(), tuning.rerankDepth());
    // No exact hit count (the default counts the first 1,000 hits before it starts skipping):
    // only the top candidates matter, so block-max skipping starts once they are collected.
    TopDocs top =
        searcher.search(
            OfferedFilter.wrap(built.query(), q.today(), q.categoryFilter()),
            new TopScoreDocCollectorManager(depth, null, depth));
    if (top.scoreDocs.length == 0) {
      return new Outcome(SearchResult.empty(), null);
    }
    IndexUnitStats stats = new IndexUnitStats(lookup);
    List<Candidate> ranked = rerank(searcher, top.scoreDocs, q.q(), plan, stats);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < Math.min(q.limit(), ranked.size()); i++) {
      Candidate c = ranked.get(i);
      String snippet =
          c.body.isEmpty()
              ? snippets.snippet(c.head.title(), plan.highlights())
              : snippets.snippet(c.body, plan.highlights());
      hits.add(new Hit(c.code, c.head.title(), snippet, (float) c.score));
    }
    Candidate best = ranked.get(0);
    double second = ranked.size() > 1 ? ranked.get(1).score : 0;
    String bodyField = IndexFields.Source.BODY.field(IndexFields.Way.PINYIN);
    ConfidenceFeatures features =
        ConfidenceFeatures.measure(
            plan,
            best.head,
            best.body,
            p -> lookup.contains(bodyField, p, best.doc),
            (float) best.score,
            (float) second,
            // The confidence model was fitted on scores of the whole question: where the budget
            // left terms out, estimate the whole score from the share that was scored.
            (float) (best.bm25 / built.scoredShare()),
            stats);
    return new Outcome(new SearchResult(confidence.confident(features), hits), features);
  }

  private List<Candidate> rerank(
      IndexSearcher searcher,
      ScoreDoc[] docs,
      String question,
      QueryPlan plan,
      IndexUnitStats stats)
      throws IOException {
    Reranker.QuestionView view = reranker.view(question, plan);
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
    BinaryDocValues bodies = null;
    BinaryDocValues codes = null;
    for (ScoreDoc sd : byDoc) {
      int li = ReaderUtil.subIndex(sd.doc, leaves);
      LeafReaderContext leaf = leaves.get(li);
      if (li != leafIndex) {
        leafIndex = li;
        heads = DocValues.getBinary(leaf.reader(), IndexFields.HEAD);
        bodies = DocValues.getBinary(leaf.reader(), IndexFields.BODY);
        codes = DocValues.getBinary(leaf.reader(), IndexFields.CODE);
      }
      HeadInfo head =
          HeadInfo.decode(
              heads.advanceExact(sd.doc - leaf.docBase) ? heads.binaryValue().utf8ToString() : "");
      int local = sd.doc - leaf.docBase;
      // Decoded and normalised once: for the coverage here, the snippet and the confidence.
      BodyText body =
          bodies.advanceExact(local) ? BodyText.of(bodies.binaryValue()) : BodyText.EMPTY;
      String code = codes.advanceExact(local) ? codes.binaryValue().utf8ToString() : "";
      double[] coverage =
          ConfidenceFeatures.coverages(plan.units(), weights, head, body, tuning.bodyWindow());
      double score =
          sd.score / topScore
              + reranker.bonus(view, head)
              + tuning.headBonus() * coverage[0]
              + tuning.bodyBonus() * coverage[1];
      out.add(new Candidate(sd.doc, sd.score, score, head, body, code));
    }
    out.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return out;
  }
}
