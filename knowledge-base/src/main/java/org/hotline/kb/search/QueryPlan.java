package org.hotline.kb.search;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a question asks for, once analysed: weighted terms per field, the units whose coverage
 * measures how well a hit answers, and the strings to highlight.
 *
 * @param terms field → term → weight
 * @param units content units of the question (character pairs, lone characters, typed pinyin)
 * @param highlights strings to mark in snippets, longest first
 */
public record QueryPlan(
    Map<String, Map<String, Float>> terms, List<Unit> units, List<String> highlights) {

  /**
   * One piece of the question. It is covered by a text containing any of {@code surfaces}, or whose
   * pinyin bigrams contain any of {@code pinyin} (a homophone), or whose title/keyword initials
   * contain any of {@code initials}.
   */
  public record Unit(List<String> surfaces, List<String> pinyin, List<String> initials) {

    /**
     * Distinct strings kept as immutable lists: the reranker walks every unit of the question for
     * every candidate, and a list's loop costs no iterator object where a hash set's does.
     */
    public Unit {
      surfaces = List.copyOf(surfaces);
      pinyin = List.copyOf(pinyin);
      initials = List.copyOf(initials);
    }

    /** A unit of distinct strings, in the sets' iteration order. */
    public static Unit of(Set<String> surfaces, Set<String> pinyin, Set<String> initials) {
      return new Unit(List.copyOf(surfaces), List.copyOf(pinyin), List.copyOf(initials));
    }
  }

  /** Whether the question had nothing to search for. */
  public boolean isEmpty() {
    return terms.values().stream().allMatch(Map::isEmpty);
  }
}
