package org.hotline.kb.index;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.analysis.ChineseTerms;
import org.hotline.kb.analysis.TextNormalizer;

/**
 * An article's head (title and keywords) with its analysis precomputed at index time and kept in
 * the {@link IndexFields#HEAD} doc values, so the reranker reads 30 candidates per search without
 * segmenting anything.
 *
 * @param title the title as written
 * @param keywords keywords joined with {@link IndexFields#KEYWORD_SEPARATOR}
 * @param text normalised "title。keywords"
 * @param pinyin pinyin bigrams of {@code text}
 * @param initials pinyin initials of the words of {@code text}
 * @param titlePinyin pinyin bigrams of the normalised title, in order
 */
public record HeadInfo(
    String title,
    String keywords,
    String text,
    Set<String> pinyin,
    Set<String> initials,
    List<String> titlePinyin) {

  private static final char SEP = IndexFields.HEAD_SEPARATOR;

  /** Analyses a head. */
  public static HeadInfo of(String title, String keywords) {
    String text = TextNormalizer.normalize(title + "。" + keywords);
    return new HeadInfo(
        title,
        keywords,
        text,
        new HashSet<>(ChineseTerms.pinyinBigrams(text)),
        new HashSet<>(ChineseTerms.initials(text)),
        ChineseTerms.pinyinBigrams(TextNormalizer.normalize(title)));
  }

  /** The doc-values encoding. */
  public String encode() {
    return title
        + SEP
        + keywords
        + SEP
        + String.join(" ", pinyin)
        + SEP
        + String.join(" ", initials)
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
        words(p[2]),
        words(p[3]),
        p[4].isEmpty() ? List.of() : Arrays.asList(p[4].split(" ")));
  }

  private static Set<String> words(String s) {
    return s.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(s.split(" ")));
  }
}
