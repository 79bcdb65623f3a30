package org.hotline.kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The BM25 candidate query under a work budget. A spoken question expands to hundreds of weighted
 * terms (every character, pair, word and pinyin pair, in title, keywords and body); scoring all of
 * them over a large base costs tens of milliseconds, and most of them say little (办理, 我们, 一下). Each
 * term is ranked by its weight times its inverse document frequency, and terms are taken best first
 * while the clause count and the total postings to read stay within bounds. On a small base every
 * term fits, so the budget only bites where the cost would.
 */
final class FirstPassQuery {

  private record Clause(String field, String text, TermStates states, float weight, double value) {}

  private FirstPassQuery() {}

  private static boolean isHead(String field) {
    return !field.startsWith("b_");
  }

  /**
   * The candidate query and the share of the question it scores.
   *
   * @param query the BM25 disjunction of the chosen terms
   * @param scoredShare the chosen terms' summed weight × IDF over that of every term of the
   *     question found in the index: 1 when every term fit the budget (any base of a few hundred
   *     cards); lower on a large base, where a hit's BM25 score covers only part of the question
   */
  record Built(Query query, double scoredShare) {}

  /** The query, or {@code null} when no term of the plan occurs in the index. */
  static Built build(
      TermLookup lookup, Map<String, Map<String, Float>> terms, int maxClauses, long maxPostings) {
    List<Clause> candidates = new ArrayList<>();
    double n = lookup.docs();
    for (Map.Entry<String, Map<String, Float>> field : terms.entrySet()) {
      for (Map.Entry<String, Float> t : field.getValue().entrySet()) {
        TermStates states = lookup.states(field.getKey(), t.getKey());
        int df = states.docFreq();
        if (df == 0) {
          continue;
        }
        double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        candidates.add(
            new Clause(field.getKey(), t.getKey(), states, t.getValue(), t.getValue() * idf));
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    candidates.sort(Comparator.comparingDouble(Clause::value).reversed());
    // First each term of the question gets its best clause on the short head fields (title,
    // keywords, initials), best first, within a budget of its own: so the body's long postings
    // cannot crowd a part of the question out altogether. Then the rest, best first.
    Set<String> heard = new HashSet<>();
    boolean[] taken = new boolean[candidates.size()];
    List<Clause> chosen = new ArrayList<>();
    long floor = 0;
    for (int i = 0; i < candidates.size(); i++) {
      Clause c = candidates.get(i);
      if (isHead(c.field) && floor + c.states.docFreq() <= maxPostings && heard.add(c.text)) {
        taken[i] = true;
        chosen.add(c);
        floor += c.states.docFreq();
      }
    }
    long postings = 0;
    for (int i = 0; i < candidates.size() && chosen.size() < maxClauses; i++) {
      Clause c = candidates.get(i);
      int df = c.states.docFreq();
      if (taken[i] || (!chosen.isEmpty() && postings + df > maxPostings)) {
        continue; // a rarer, cheaper term further down may still fit the postings budget
      }
      chosen.add(c);
      postings += df;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    double scored = 0;
    for (Clause c : chosen.subList(0, Math.min(chosen.size(), Math.max(maxClauses, 1)))) {
      b.add(
          new BoostQuery(new TermQuery(new Term(c.field, c.text), c.states), c.weight),
          BooleanClause.Occur.SHOULD);
      scored += c.value;
    }
    double all = 0;
    for (Clause c : candidates) {
      all += c.value;
    }
    return new Built(b.build(), all <= 0 ? 1 : Math.min(1, scored / all));
  }
}
