package org.hotline.kb.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.analysis.AnalyzedText;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.TextNormalizer;
import org.hotline.kb.index.HeadInfo;
import org.hotline.kb.index.IndexFields;

/**
 * Second stage over the BM25 top candidates: how much of the article's own head (its keywords and
 * title) the question names. BM25 sums evidence from every word of a rambling question; an editor's
 * keyword said in full ("居住证", or its synonym, or a homophone of it) is the stronger sign of what
 * the caller wants. Thread-safe.
 */
final class Reranker {

  private final SearchTuning tuning;

  Reranker(SearchTuning tuning) {
    this.tuning = tuning;
  }

  /** The question as seen by the reranker: its text, synonyms and pinyin. */
  record QuestionView(String text, String pinyin, Set<String> bigramsAndPinyin) {}

  QuestionView view(String question, QueryPlan plan) {
    String text = TextNormalizer.normalize(question);
    StringBuilder all = new StringBuilder(text);
    for (String h : plan.highlights()) {
      all.append('|').append(h);
    }
    String allText = all.toString();
    Set<String> grams = new HashSet<>(ChineseTerms.bigrams(allText));
    grams.addAll(ChineseTerms.pinyinBigrams(text));
    return new QuestionView(allText, pinyinString(text), grams);
  }

  /** The bonus added to the candidate's normalised BM25 score. */
  double bonus(QuestionView q, HeadInfo head) {
    int named = 0;
    String[] keywordList =
        tuning.keywordBonus() == 0
            ? new String[0]
            : head.keywords().split(IndexFields.KEYWORD_SEPARATOR);
    for (String k : keywordList) {
      String kw = TextNormalizer.normalize(k.strip());
      if (kw.length() < 2) {
        continue;
      }
      if (q.text().contains(kw) || containsPinyin(q.pinyin(), kw)) {
        named += kw.length();
      }
    }
    List<String> titleGrams = ChineseTerms.bigrams(TextNormalizer.normalize(head.title()));
    List<String> titlePinyin = head.titlePinyin();
    int covered = 0;
    for (int i = 0; i < titleGrams.size(); i++) {
      if (q.bigramsAndPinyin().contains(titleGrams.get(i))
          || (i < titlePinyin.size() && q.bigramsAndPinyin().contains(titlePinyin.get(i)))) {
        covered++;
      }
    }
    double titleCoverage = titleGrams.isEmpty() ? 0 : (double) covered / titleGrams.size();
    return tuning.keywordBonus() * Math.min(named, 6) / 6.0 + tuning.titleBonus() * titleCoverage;
  }

  private static boolean containsPinyin(String questionPinyin, String keyword) {
    String kp = pinyinString(keyword);
    return kp.length() > 2 && questionPinyin.contains(kp);
  }

  /** " yi bao ka " style: syllables separated and framed by spaces, "|" between runs. */
  private static String pinyinString(String text) {
    String[] py = AnalyzedText.of(text).pinyin();
    StringBuilder sb = new StringBuilder(" ");
    for (String p : py) {
      sb.append(p == null ? "|" : p).append(' ');
    }
    return sb.toString();
  }
}
