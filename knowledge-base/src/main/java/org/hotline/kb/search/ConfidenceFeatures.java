package org.hotline.kb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.TextNormalizer;

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

  /** Measures the features of a hit with the given stored texts and scores. */
  public static ConfidenceFeatures measure(
      QueryPlan plan,
      String title,
      String keywords,
      String body,
      float best,
      float second,
      float bestBm25,
      UnitStats stats) {
    String head = TextNormalizer.normalize(title + "。" + keywords);
    String all = head + "。" + TextNormalizer.normalize(body);
    Set<String> headPinyin = new HashSet<>(ChineseTerms.pinyinBigrams(head));
    Set<String> allPinyin = new HashSet<>(headPinyin);
    allPinyin.addAll(ChineseTerms.pinyinBigrams(all.substring(head.length())));
    Set<String> headInitials = new HashSet<>(ChineseTerms.initials(head));
    List<QueryPlan.Unit> units = plan.units();
    double inAll = 0;
    double inHead = 0;
    double unseen = 0;
    double total = 0;
    for (QueryPlan.Unit u : units) {
      double w = stats.weight(u);
      total += w;
      if (stats.unseen(u)) {
        unseen += w;
      }
      if (covered(u, head, headPinyin, headInitials)) {
        inHead += w;
        inAll += w;
      } else if (covered(u, all, allPinyin, headInitials)) {
        inAll += w;
      }
    }
    total = Math.max(total, 1e-9);
    double gap = best <= 0 ? 0 : Math.max(0, (best - second) / best);
    return new ConfidenceFeatures(
        inAll / total, inHead / total, gap, Math.log1p(bestBm25), unseen / total);
  }

  /** How informative a unit is, and whether the index has it at all. */
  public interface UnitStats {
    /** Weight of the unit (its inverse document frequency). */
    double weight(QueryPlan.Unit u);

    /** Whether no indexed article contains the unit in any form. */
    boolean unseen(QueryPlan.Unit u);
  }

  /**
   * Weighted share of the question's units named by a head (title and keywords), for the reranker:
   * the words that tell near-duplicate articles apart (首次 vs 续签, 注销 vs 设立) sit in their titles and
   * keywords.
   */
  public static double headCoverage(
      List<QueryPlan.Unit> units, double[] weights, org.hotline.kb.index.HeadInfo head) {
    String h = head.text();
    Set<String> pinyin = head.pinyin();
    Set<String> initials = head.initials();
    double in = 0;
    double total = 1e-9;
    for (int i = 0; i < units.size(); i++) {
      total += weights[i];
      if (covered(units.get(i), h, pinyin, initials)) {
        in += weights[i];
      }
    }
    return in / total;
  }

  private static boolean covered(
      QueryPlan.Unit u, String text, Set<String> pinyin, Set<String> initials) {
    for (String s : u.surfaces()) {
      if (text.contains(s)) {
        return true;
      }
    }
    for (String p : u.pinyin()) {
      if (pinyin.contains(p)) {
        return true;
      }
    }
    for (String i : u.initials()) {
      if (initials.contains(i)) {
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
