package org.hotline.kb.search;

import java.util.List;
import java.util.function.Predicate;
import org.hotline.kb.index.HeadInfo;

/**
 * The features the confidence model reads, measured on the best hit.
 *
 * <p>Coverages are weighted by each unit's inverse document frequency in the index, so that a
 * salient word of the question counts more than a common one (办理, 怎么).
 *
 * @param coverage weighted share of the question's content units found anywhere in the hit
 * @param titleCoverage weighted share found in the hit's title or keywords
 * @param gap relative lead of the best reranked score over the second, in [0, 1]
 * @param logScore natural log of (1 + best BM25 score)
 * @param unseen weighted share of the question's units that no indexed article contains at all
 */
public record ConfidenceFeatures(
    double coverage, double titleCoverage, double gap, double logScore, double unseen) {

  /**
   * Measures the features of a hit.
   *
   * @param head the hit's title and keywords, analysed at index time
   * @param body the hit's body
   * @param bodyPinyin whether the hit's body has a pinyin pair (asked of the index: no analysis)
   */
  static ConfidenceFeatures measure(
      QueryPlan plan,
      HeadInfo head,
      BodyText body,
      Predicate<String> bodyPinyin,
      float best,
      float second,
      float bestBm25,
      UnitStats stats) {
    double inAll = 0;
    double inHead = 0;
    double unseen = 0;
    double total = 0;
    for (QueryPlan.Unit u : plan.units()) {
      double w = stats.weight(u);
      total += w;
      if (stats.unseen(u)) {
        unseen += w;
      }
      if (covered(u, head)) {
        inHead += w;
        inAll += w;
      } else if (coveredInBody(u, body, Integer.MAX_VALUE, bodyPinyin)) {
        inAll += w;
      }
    }
    total = Math.max(total, 1e-9);
    double gap = best <= 0 ? 0 : Math.max(0, (best - second) / best);
    return new ConfidenceFeatures(
        inAll / total, inHead / total, gap, Math.log1p(bestBm25), unseen / total);
  }

  /**
   * Whether the body names the unit within its first {@code window} characters, or (asked of the
   * index) has one of its pinyin pairs anywhere.
   */
  private static boolean coveredInBody(
      QueryPlan.Unit u, BodyText body, int window, Predicate<String> bodyPinyin) {
    for (String s : u.surfaces()) {
      if (body.contains(s, window)) {
        return true;
      }
    }
    for (String p : u.pinyin()) {
      if (bodyPinyin.test(p)) {
        return true;
      }
    }
    return false;
  }

  /** How informative a unit is, and whether the index has it at all. */
  public interface UnitStats {
    /** Weight of the unit (its inverse document frequency). */
    double weight(QueryPlan.Unit u);

    /** Whether no indexed article contains the unit in any form. */
    boolean unseen(QueryPlan.Unit u);
  }

  /**
   * For the reranker, in one pass over the question's units: {@code [head, article]}, the weighted
   * share of the units named by the candidate's head (title and keywords: the words that tell
   * near-duplicate articles apart, 首次 vs 续签, sit there), and the share found anywhere in it (head
   * or normalised body start: a colloquial question names few of the editor's keywords, but an
   * answer that mentions most of what the caller said is the likelier one).
   */
  static double[] coverages(
      List<QueryPlan.Unit> units, double[] weights, HeadInfo head, BodyText body, int window) {
    double inHead = 0;
    double inArticle = 0;
    double total = 1e-9;
    for (int i = 0; i < units.size(); i++) {
      total += weights[i];
      QueryPlan.Unit u = units.get(i);
      if (covered(u, head)) {
        inHead += weights[i];
        inArticle += weights[i];
      } else if (coveredInBody(u, body, window, p -> false)) {
        inArticle += weights[i];
      }
    }
    return new double[] {inHead / total, inArticle / total};
  }

  private static boolean covered(QueryPlan.Unit u, HeadInfo head) {
    for (String s : u.surfaces()) {
      if (head.text().contains(s)) {
        return true;
      }
    }
    for (String p : u.pinyin()) {
      if (head.hasPinyin(p)) {
        return true;
      }
    }
    for (String i : u.initials()) {
      if (head.hasInitials(i)) {
        return true;
      }
    }
    return false;
  }

  /** The features as an array, in the order of {@link ConfidenceModel}'s coefficients. */
  public double[] vector() {
    return new double[] {coverage, titleCoverage, gap, logScore, unseen};
  }
}
