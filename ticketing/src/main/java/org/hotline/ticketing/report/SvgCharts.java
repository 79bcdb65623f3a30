package org.hotline.ticketing.report;

import java.util.List;
import java.util.Locale;

/**
 * Charts for printable reports as inline SVG, drawn on the server: no script, no external file, so
 * the document prints and archives as it is. Labels are XML-escaped here because the markup is
 * inserted into the page unescaped.
 */
public final class SvgCharts {

  /** One bar: its label and value. */
  public record Bar(String label, double value) {}

  private static final String[] PALETTE = {"#2f6db5", "#6aa84f", "#e69138", "#cc4125", "#8e7cc3"};
  private static final int WIDTH = 640;
  private static final int LABEL_WIDTH = 220;
  private static final int ROW = 24;

  private SvgCharts() {}

  /** Horizontal bars, longest first as given, with the value at the end of each bar. */
  public static String bars(String title, List<Bar> bars) {
    int height = 30 + Math.max(1, bars.size()) * ROW;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
    StringBuilder s = header(title, height);
    s.append(text(4, 18, title, "font-weight:bold"));
    if (bars.isEmpty()) {
      s.append(text(LABEL_WIDTH, 44, "无数据 no data", "fill:#888"));
    }
    int y = 30;
    int span = WIDTH - LABEL_WIDTH - 60;
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double w = max <= 0 ? 0 : b.value() / max * span;
      s.append(text(LABEL_WIDTH - 6, y + 16, shorten(b.label(), 16), "text-anchor:end"));
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
              LABEL_WIDTH,
              y + 4,
              w,
              ROW - 8,
              PALETTE[0]));
      s.append(text((int) (LABEL_WIDTH + w + 6), y + 16, number(b.value()), ""));
      y += ROW;
    }
    return s.append("</svg>").toString();
  }

  /** One bar split into coloured shares (e.g. 满意 / 基本满意 / 不满意) with a legend. */
  public static String shares(String title, List<Bar> parts) {
    double total = parts.stream().mapToDouble(Bar::value).sum();
    StringBuilder s = header(title, 90);
    s.append(text(4, 18, title, "font-weight:bold"));
    if (total <= 0) {
      s.append(text(4, 50, "无数据 no data", "fill:#888"));
      return s.append("</svg>").toString();
    }
    double x = 4;
    double span = WIDTH - 8;
    int legendX = 4;
    for (int i = 0; i < parts.size(); i++) {
      Bar p = parts.get(i);
      double w = p.value() / total * span;
      String colour = PALETTE[(i + 1) % PALETTE.length];
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"28\" width=\"%.1f\" height=\"24\" fill=\"%s\"/>",
              x,
              w,
              colour));
      x += w;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"66\" width=\"12\" height=\"12\" fill=\"%s\"/>",
              legendX,
              colour));
      String legend = p.label() + " " + number(p.value());
      s.append(text(legendX + 16, 77, legend, ""));
      legendX += 28 + textWidth(legend);
    }
    return s.append("</svg>").toString();
  }

  private static StringBuilder header(String title, int height) {
    return new StringBuilder()
        .append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">",
                WIDTH,
                height,
                WIDTH,
                height))
        .append("<title>")
        .append(escape(title))
        .append("</title>");
  }

  private static String text(int x, int y, String content, String style) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%d\" y=\"%d\"%s>%s</text>",
        x,
        y,
        style.isEmpty() ? "" : " style=\"" + style + "\"",
        escape(content));
  }

  /** Rough width at 12 px: CJK characters are full-width, the rest about half. */
  private static int textWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) >= 0x2E80 ? 12 : 7;
    }
    return w;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String shorten(String s, int max) {
    return s == null ? "" : s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }

  /** XML text escaping for labels that come from data (category names, unit names, areas). */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
