package org.hotline.kb;

import java.util.List;

/**
 * The answer to a {@link SearchQuery}.
 *
 * @param confident {@code false} when nothing in the base really answers the question: the hits are
 *     then only loosely related and should not be read out as an answer
 * @param hits best first
 */
public record SearchResult(boolean confident, List<Hit> hits) {

  /** Copies the hit list. */
  public SearchResult {
    hits = List.copyOf(hits);
  }

  /** The empty, not-confident result. */
  public static SearchResult empty() {
    return new SearchResult(false, List.of());
  }
}
