package org.hotline.kb.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The term producers shared by indexing and querying, so both sides always agree. Every method
 * expects text already passed through {@link TextNormalizer#normalize(String)}.
 *
 * <ul>
 *   <li>{@link #unigrams} – single Chinese characters plus ASCII words/numbers: recall for any
 *       wording;
 *   <li>{@link #bigrams} – adjacent Chinese character pairs: phrase-like precision without a
 *       dictionary;
 *   <li>{@link #words} – HanLP words of two or more characters: whole-word matches weigh extra;
 *   <li>{@link #pinyinBigrams} – pairs of toneless syllables ("yi_bao"): homophone typos (医宝 → 医保)
 *       and typed full pinyin;
 *   <li>{@link #initials} – first letters of words and word pairs ("gjj", "zfgjj"): typed pinyin
 *       abbreviations.
 * </ul>
 */
public final class ChineseTerms {

  private ChineseTerms() {}

  /** Single Chinese characters and ASCII words, in text order. */
  public static List<String> unigrams(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (TextNormalizer.isHan(c)) {
        out.add(String.valueOf(c));
        i++;
      } else if (TextNormalizer.isAsciiWord(c)) {
        int j = i;
        while (j < n && TextNormalizer.isAsciiWord(text.charAt(j))) {
          j++;
        }
        out.add(text.substring(i, j));
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  /** Adjacent pairs of Chinese characters inside each run of Chinese characters. */
  public static List<String> bigrams(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      if (TextNormalizer.isHan(text.charAt(i)) && TextNormalizer.isHan(text.charAt(i + 1))) {
        out.add(text.substring(i, i + 2));
      }
    }
    return out;
  }

  /**
   * Pairs of Chinese characters one apart ("居_证" from 居住证), so that a question with one wrong
   * character in a three-character word (居往证) still meets the word.
   */
  public static List<String> skipBigrams(String text) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 2 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 2);
      if (TextNormalizer.isHan(a)
          && TextNormalizer.isHan(text.charAt(i + 1))
          && TextNormalizer.isHan(b)) {
        out.add(skip(a, b));
      }
    }
    return out;
  }

  /** The skip-bigram term of two characters. */
  public static String skip(char a, char b) {
    return new String(new char[] {a, '_', b});
  }

  /** HanLP words of at least two Chinese characters. */
  public static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (HanlpSupport.Word w : AnalyzedText.of(text).words()) {
      if (w.text().length() >= 2 && allHan(w.text())) {
        out.add(w.text());
      }
    }
    return out;
  }

  /** Pairs of adjacent syllables ("yi_bao") inside each run of Chinese characters. */
  public static List<String> pinyinBigrams(String text) {
    String[] py = AnalyzedText.of(text).pinyin();
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < py.length; i++) {
      if (py[i] != null && py[i + 1] != null) {
        out.add(pair(py[i], py[i + 1]));
      }
    }
    return out;
  }

  /** The pinyin-bigram term for two syllables. */
  public static String pair(String a, String b) {
    return a + '_' + b;
  }

  /**
   * First letters of each word of two or more characters and of each pair of adjacent words (住房公积金
   * → zf, gjj, zfgjj).
   */
  public static List<String> initials(String text) {
    AnalyzedText a = AnalyzedText.of(text);
    List<String> out = new ArrayList<>();
    String previous = null;
    int previousEnd = -1;
    for (HanlpSupport.Word w : a.words()) {
      if (!allHan(w.text())) {
        previous = null;
        continue;
      }
      StringBuilder sb = new StringBuilder(w.text().length());
      for (int i = 0; i < w.text().length(); i++) {
        sb.append(a.pinyin()[w.start() + i].charAt(0));
      }
      String ini = sb.toString();
      if (ini.length() >= 2) {
        out.add(ini);
      }
      if (previous != null && previousEnd == w.start() && previous.length() + ini.length() >= 3) {
        out.add(previous + ini);
      }
      previous = ini;
      previousEnd = w.start() + w.text().length();
    }
    return out;
  }

  /** Maximal runs of Chinese characters. */
  public static List<String> hanRuns(String text) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      if (!TextNormalizer.isHan(text.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && TextNormalizer.isHan(text.charAt(j))) {
        j++;
      }
      runs.add(text.substring(i, j));
      i = j;
    }
    return runs;
  }

  private static boolean allHan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!TextNormalizer.isHan(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
