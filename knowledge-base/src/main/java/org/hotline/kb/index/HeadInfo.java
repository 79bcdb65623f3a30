package org.hotline.kb.index;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.TextNormalizer;

/**
 * An article's head (title and keywords) with its analysis precomputed at index time and kept in
 * the {@link IndexFields#HEAD} doc values, so the reranker reads its candidates per search without
 * segmenting anything. Pinyin pairs and initials stay space-separated strings: the reranker only
 * asks whether one is present, for a few dozen candidates per search, and building sets cost more.
 *
 * @param title the title as written
 * @param keywords keywords joined with {@link IndexFields#KEYWORD_SEPARATOR}
 * @param text normalised "title。keywords"
 * @param pinyin pinyin bigrams of {@code text}, space-separated
 * @param initials pinyin initials of the words of {@code text}, space-separated
 * @param titlePinyin pinyin bigrams of the normalised title, in order
 */
public record HeadInfo(
    String title,
    String keywords,
    String text,
    String pinyin,
    String initials,
    List<String> titlePinyin) {

  private static final char SEP = IndexFields.HEAD_SEPARATOR;

  /** Analyses a head. */
  public static HeadInfo of(String title, String keywords) {
    String text = TextNormalizer.normalize(title + "。" + keywords);
    return new HeadInfo(
        title,
        keywords,
        text,
        joined(ChineseTerms.pinyinBigrams(text)),
        joined(ChineseTerms.initials(text)),
        ChineseTerms.pinyinBigrams(TextNormalizer.normalize(title)));
  }

  private static String joined(List<String> terms) {
    Set<String> distinct = new LinkedHashSet<>(terms);
    return String.join(" ", distinct);
  }

  /** Whether the head has the pinyin pair {@code p} ("yi_bao"). */
  public boolean hasPinyin(String p) {
    return containsWord(pinyin, p);
  }

  /** Whether the head has the initials {@code i} ("gjj"). */
  public boolean hasInitials(String i) {
    return containsWord(initials, i);
  }

  /** Whether space-separated {@code words} contains {@code w} as a whole word. */
  static boolean containsWord(String words, String w) {
    int n = w.length();
    for (int at = words.indexOf(w); at >= 0; at = words.indexOf(w, at + 1)) {
      boolean startOk = at == 0 || words.charAt(at - 1) == ' ';
      boolean endOk = at + n == words.length() || words.charAt(at + n) == ' ';
      if (startOk && endOk) {
        return true;
      }
    }
    return false;
  }

  /** The doc-values encoding. */
  public String encode() {
    return title
        + SEP
        + keywords
        + SEP
        + pinyin
        + SEP
        + initials
        + SEP
        + String.join(" ", titlePinyin);
  }

  /** Decodes {@link #encode()}. */
  public static HeadInfo decode(String s) {
    String[] p = s.split(String.valueOf(SEP), -1);
    if (p.length < 5) {
      return of(p[0], p.length > 1 ? p[1] : "");
    }
    return new HeadInfo(
        p[0],
        p[1],
        TextNormalizer.normalize(p[0] + "。" + p[1]),
        p[2],
        p[3],
        p[4].isEmpty() ? List.of() : Arrays.asList(p[4].split(" ")));
  }
}
