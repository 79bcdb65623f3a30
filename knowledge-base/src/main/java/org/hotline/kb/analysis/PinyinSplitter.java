package org.hotline.kb.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Splits typed full pinyin ("gongjijin") into syllables ("gong ji jin"). Thread-safe. */
public final class PinyinSplitter {

  private static final Set<String> SYLLABLES = new HashSet<>(HanlpSupport.syllables());
  private static final int MAX_SYLLABLE = 6;

  private PinyinSplitter() {}

  /**
   * The split with the fewest syllables, or {@code null} if {@code letters} (lower-case ASCII) is
   * not full pinyin.
   */
  public static List<String> split(String letters) {
    int n = letters.length();
    int[] best = new int[n + 1];
    int[] from = new int[n + 1];
    java.util.Arrays.fill(best, Integer.MAX_VALUE);
    best[0] = 0;
    for (int i = 0; i < n; i++) {
      if (best[i] == Integer.MAX_VALUE) {
        continue;
      }
      for (int len = 1; len <= MAX_SYLLABLE && i + len <= n; len++) {
        if (SYLLABLES.contains(letters.substring(i, i + len)) && best[i] + 1 < best[i + len]) {
          best[i + len] = best[i] + 1;
          from[i + len] = i;
        }
      }
    }
    if (best[n] == Integer.MAX_VALUE) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int end = n; end > 0; end = from[end]) {
      out.add(0, letters.substring(from[end], end));
    }
    return out;
  }
}
