package org.hotline.kb.search;

import java.time.LocalDate;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hotline.kb.ArticleStatus;
import org.hotline.kb.index.IndexFields;

/** The non-scoring filter "published, valid on that day, in that category". */
public final class OfferedFilter {

  private OfferedFilter() {}

  /**
   * Adds the filter clauses for {@code today} and an optional {@code category} to {@code b}.
   *
   * <p>Written as exclusions (not draft, not retired, not starting after today, not ended before
   * today) rather than as "must be published and valid": nearly every document passes, and a
   * required filter that matches everything would drive the conjunction through every document,
   * defeating the top-k skipping (WAND) of the scoring disjunction. The exclusions match few
   * documents and cost almost nothing.
   */
  public static void addTo(BooleanQuery.Builder b, LocalDate today, String category) {
    long day = today.toEpochDay();
    for (ArticleStatus s : ArticleStatus.values()) {
      if (s != ArticleStatus.PUBLISHED) {
        b.add(new TermQuery(new Term(IndexFields.STATUS, s.name())), BooleanClause.Occur.MUST_NOT);
      }
    }
    if (day < Long.MAX_VALUE) {
      b.add(
          LongPoint.newRangeQuery(IndexFields.VALID_FROM, day + 1, Long.MAX_VALUE),
          BooleanClause.Occur.MUST_NOT);
    }
    if (day > Long.MIN_VALUE) {
      b.add(
          LongPoint.newRangeQuery(IndexFields.VALID_UNTIL, Long.MIN_VALUE, day - 1),
          BooleanClause.Occur.MUST_NOT);
    }
    if (category != null) {
      b.add(new TermQuery(new Term(IndexFields.CATEGORY, category)), BooleanClause.Occur.FILTER);
    }
  }

  /** The filter alone, wrapping a scoring query {@code q} (may be null for "all"). */
  public static Query wrap(Query q, LocalDate today, String category) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(q == null ? new MatchAllDocsQuery() : q, BooleanClause.Occur.MUST);
    addTo(b, today, category);
    return b.build();
  }
}
