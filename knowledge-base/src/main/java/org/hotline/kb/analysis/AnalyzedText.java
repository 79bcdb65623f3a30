package org.hotline.kb.analysis;

import java.util.List;

/**
 * A normalised text with its HanLP words and the toneless pinyin of each Chinese character ({@code
 * null} elsewhere). Computed once per text and shared by every way of indexing it.
 *
 * @param text the normalised text
 * @param words the words, with their start offsets in {@code text}
 * @param pinyin per character: its syllable, or {@code null} for a non-Chinese character
 */
public record AnalyzedText(String text, List<HanlpSupport.Word> words, String[] pinyin) {

  /**
   * A question is analysed by the planner, its synonym expansions after it, then again by the
   * reranker: enough slots that the expansions do not push the question out.
   */
  private static final int CACHED = 16;

  private static final ThreadLocal<AnalyzedText[]> RECENT =
      ThreadLocal.withInitial(() -> new AnalyzedText[CACHED]);
  private static final ThreadLocal<int[]> NEXT = ThreadLocal.withInitial(() -> new int[1]);

  /**
   * The analysis of a normalised text. The last few results are kept per thread, because one
   * document field is analysed several ways in a row.
   */
  public static AnalyzedText of(String normalized) {
    AnalyzedText[] recent = RECENT.get();
    for (AnalyzedText a : recent) {
      if (a != null && a.text.equals(normalized)) {
        return a;
      }
    }
    List<HanlpSupport.Word> words = HanlpSupport.segment(normalized);
    String[] pinyin = new String[normalized.length()];
    for (HanlpSupport.Word w : words) {
      if (TextNormalizer.isHan(w.text().charAt(0))) {
        String[] py = HanlpSupport.wordPinyin(w.text());
        for (int i = 0; i < py.length; i++) {
          if (TextNormalizer.isHan(normalized.charAt(w.start() + i))) {
            pinyin[w.start() + i] = py[i];
          }
        }
      }
    }
    AnalyzedText a = new AnalyzedText(normalized, words, pinyin);
    int[] next = NEXT.get();
    recent[next[0]] = a;
    next[0] = (next[0] + 1) % CACHED;
    return a;
  }
}
