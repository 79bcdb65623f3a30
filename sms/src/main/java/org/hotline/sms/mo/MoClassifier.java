package org.hotline.sms.mo;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies incoming SMS text. Pure and thread-safe. Full-width characters are folded (NFKC) so
 * "ＣＸ　１２３" reads as "CX 123"; trailing punctuation (。！.!) is ignored for the short commands.
 */
public final class MoClassifier {

  /** Longer texts are answered with help rather than becoming an order. */
  public static final int MAX_LENGTH = 500;

  private static final Pattern QUERY =
      Pattern.compile("^(?:CX|查询|查詢)\\s*[:：]?\\s*([A-Za-z0-9][A-Za-z0-9-]{2,39})$");
  private static final Pattern OPT_OUT = Pattern.compile("^(?:TD|退订|退訂|取消订阅)$");
  private static final Map<String, Integer> RATINGS =
      Map.of("1", 1, "2", 2, "3", 3, "满意", 1, "基本满意", 2, "不满意", 3, "非常满意", 1);

  private final int maxLength;

  public MoClassifier() {
    this(MAX_LENGTH);
  }

  public MoClassifier(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Classifies a text; {@code binary} is true for content that was not text. */
  public MoClassification classify(String text, boolean binary) {
    if (binary || text == null) {
      return MoClassification.of(MoKind.HELP);
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    if (folded.isEmpty() || folded.codePointCount(0, folded.length()) > maxLength) {
      return MoClassification.of(MoKind.HELP);
    }
    if (hasControlCharacters(folded)) {
      return MoClassification.of(MoKind.HELP);
    }
    String command = folded.replaceAll("[。．.！!？?]+$", "").strip();
    String upper = command.toUpperCase(Locale.ROOT);
    if (OPT_OUT.matcher(upper).matches()) {
      return MoClassification.of(MoKind.OPT_OUT);
    }
    Matcher q = QUERY.matcher(upper);
    if (q.matches()) {
      return new MoClassification(MoKind.STATUS_QUERY, q.group(1), null);
    }
    Integer score = RATINGS.get(command);
    if (score != null) {
      return new MoClassification(MoKind.SURVEY_REPLY, null, score);
    }
    return MoClassification.of(MoKind.NEW_REQUEST);
  }

  private static boolean hasControlCharacters(String s) {
    return s.codePoints()
        .anyMatch(cp -> Character.isISOControl(cp) && cp != '\n' && cp != '\r' && cp != '\t');
  }
}
