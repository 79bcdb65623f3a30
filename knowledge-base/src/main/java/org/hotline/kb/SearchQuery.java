package org.hotline.kb;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A search request.
 *
 * @param q the agent's or caller's words, as typed or transcribed (Chinese, pinyin or mixed)
 * @param limit maximum number of hits (1..100)
 * @param categoryFilter exact category to restrict to, or {@code null}/blank for all
 * @param today the day validity is judged on (articles outside their validity are not offered)
 */
public record SearchQuery(String q, int limit, String categoryFilter, LocalDate today) {

  /** Checks the arguments. */
  public SearchQuery {
    q = q == null ? "" : q;
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be within 1..100: " + limit);
    }
    Objects.requireNonNull(today, "today");
    categoryFilter = categoryFilter == null || categoryFilter.isBlank() ? null : categoryFilter;
  }

  /** A query over all categories, judged on today's date. */
  public static SearchQuery of(String q, int limit) {
    return new SearchQuery(q, limit, null, LocalDate.now());
  }
}
