package org.hotline.kb.search;

import java.util.List;

/** Cuts the best passage of a body and marks matches with {@code <em>}. Thread-safe. */
public final class Snippets {

  private final int width;

  /** Snippets of about {@code width} characters. */
  public Snippets(int width) {
    this.width = width;
  }

  /** The HTML-escaped passage of {@code text} with most highlighted characters. */
  public String snippet(String text, List<String> highlights) {
    return snippet(BodyText.of(text), highlights);
  }

  /** {@link #snippet(String, List)} of a body already decoded and normalised. */
  String snippet(BodyText body, List<String> highlights) {
    int length = body.length();
    boolean[] mark = new boolean[length];
    for (String h : highlights) {
      if (h.isEmpty()) {
        continue;
      }
      for (int i = body.indexOf(h, 0); i >= 0; i = body.indexOf(h, i + 1)) {
        for (int j = i; j < i + h.length(); j++) {
          mark[j] = true;
        }
      }
    }
    int start = bestWindow(body, mark);
    int end = Math.min(length, start + width);
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
      escape(body.charAt(i), sb);
    }
    if (open) {
      sb.append("</em>");
    }
    if (end < length) {
      sb.append('…');
    }
    return sb.toString();
  }

  private int bestWindow(BodyText body, boolean[] mark) {
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
      if ("。！？；!?;\n".indexOf(body.normAt(i - 1)) >= 0) {
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
