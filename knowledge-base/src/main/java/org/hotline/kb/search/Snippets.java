package org.hotline.kb.search;

import java.util.List;
import org.hotline.kb.analysis.TextNormalizer;

/** Cuts the best passage of a body and marks matches with {@code <em>}. Thread-safe. */
public final class Snippets {

  private final int width;

  /** Snippets of about {@code width} characters. */
  public Snippets(int width) {
    this.width = width;
  }

  /** The HTML-escaped passage of {@code text} with most highlighted characters. */
  public String snippet(String text, List<String> highlights) {
    return snippet(text, TextNormalizer.normalize(text), highlights);
  }

  /** {@link #snippet(String, List)} of a text already normalised as {@code norm}. */
  public String snippet(String text, String norm, List<String> highlights) {
    boolean[] mark = new boolean[norm.length()];
    for (String h : highlights) {
      if (h.isEmpty()) {
        continue;
      }
      for (int i = norm.indexOf(h); i >= 0; i = norm.indexOf(h, i + 1)) {
        for (int j = i; j < i + h.length(); j++) {
          mark[j] = true;
        }
      }
    }
    int start = bestWindow(norm, mark);
    int end = Math.min(norm.length(), start + width);
    StringBuilder sb = new StringBuilder();
    if (start > 0) {
      sb.append('…');
    }
    boolean open = false;
    for (int i = start; i < end; i++) {
      if (mark[i] && !open) {
        sb.append("<em>");
        open = true;
      } else if (!mark[i] && open) {
        sb.append("</em>");
        open = false;
      }
      escape(text.charAt(i), sb);
    }
    if (open) {
      sb.append("</em>");
    }
    if (end < norm.length()) {
      sb.append('…');
    }
    return sb.toString();
  }

  private int bestWindow(String norm, boolean[] mark) {
    if (mark.length <= width) {
      return 0;
    }
    int count = 0;
    for (int i = 0; i < width; i++) {
      count += mark[i] ? 1 : 0;
    }
    int best = count;
    int bestStart = 0;
    for (int s = 1; s + width <= mark.length; s++) {
      count += (mark[s + width - 1] ? 1 : 0) - (mark[s - 1] ? 1 : 0);
      if (count > best) {
        best = count;
        bestStart = s;
      }
    }
    // Start at a sentence boundary shortly before the window when there is one.
    for (int i = bestStart; i > Math.max(0, bestStart - 20); i--) {
      if ("。！？；!?;\n".indexOf(norm.charAt(i - 1)) >= 0) {
        return i;
      }
    }
    return bestStart;
  }

  private static void escape(char c, StringBuilder sb) {
    switch (c) {
      case '<' -> sb.append("&lt;");
      case '>' -> sb.append("&gt;");
      case '&' -> sb.append("&amp;");
      case '"' -> sb.append("&quot;");
      case '\'' -> sb.append("&#39;");
      default -> sb.append(c);
    }
  }
}
