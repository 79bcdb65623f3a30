package org.hotline.telephony.agi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * One reply of Asterisk to an AGI command, as read from the wire.
 *
 * <p>Forms seen on Asterisk 22: {@code 200 result=0}, {@code 200 result=1 (value with spaces)},
 * {@code 200 result= (timeout)}, {@code 200 result=-1 endpos=20000}, {@code 200 result=0 (timeout)
 * endpos=8000}, {@code 510 Invalid or unknown command}, {@code 511 Command Not Permitted on a dead
 * channel or intercept routine}, the single-line {@code 520 Invalid command syntax. Proper usage
 * not available.} and the multi-line {@code 520-...} ... {@code 520 End of proper usage.}.
 * Immutable and thread-safe.
 */
public final class AgiReply {
  public static final int SUCCESS = 200;
  public static final int INVALID_COMMAND = 510;
  public static final int DEAD_CHANNEL = 511;
  public static final int INVALID_SYNTAX = 520;

  private static final Pattern EXTRAS_ONLY = Pattern.compile("( +[A-Za-z_]+=\\S*)* *");
  private static final Pattern SPACES = Pattern.compile(" +");

  private final int code;
  private final String text;
  private final String result;
  private final String data;
  private final Map<String, String> extras;
  private final List<String> usage;

  private AgiReply(
      int code,
      String text,
      String result,
      String data,
      Map<String, String> extras,
      List<String> usage) {
    this.code = code;
    this.text = text;
    this.result = result;
    this.data = data;
    this.extras = Map.copyOf(extras);
    this.usage = List.copyOf(usage);
  }

  /**
   * Parses a status line such as {@code 200 result=1 (queue)}.
   *
   * @throws IllegalArgumentException if the line is not an AGI reply
   */
  public static AgiReply parse(String line) {
    return parse(line, List.of());
  }

  /**
   * Parses a final status line together with the usage lines of a multi-line {@code 520-} reply
   * (the lines between the {@code 520-} line and the final {@code 520 } line, first line included).
   */
  public static AgiReply parse(String line, List<String> usage) {
    if (!isStatusLine(line)) {
      throw new IllegalArgumentException("not an AGI reply: " + abbreviate(line));
    }
    int code = Integer.parseInt(line.substring(0, 3));
    String text = line.length() > 4 ? line.substring(4) : "";
    if (code != SUCCESS || !text.startsWith("result=")) {
      return new AgiReply(code, text, "", null, Map.of(), usage);
    }
    String rest = text.substring("result=".length());
    int space = rest.indexOf(' ');
    String result = space < 0 ? rest : rest.substring(0, space);
    String tail = space < 0 ? "" : rest.substring(space + 1);
    String data = null;
    if (tail.startsWith("(")) {
      int close = closingParenthesis(tail);
      data = tail.substring(1, close);
      tail = tail.substring(Math.min(tail.length(), close + 1)).trim();
    }
    Map<String, String> extras = new LinkedHashMap<>();
    for (String token : SPACES.split(tail.trim())) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        extras.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return new AgiReply(code, text, result, data, extras, usage);
  }

  /** True for a line that starts with a three-digit code followed by a space, a dash or nothing. */
  public static boolean isStatusLine(String line) {
    if (line.length() < 3) {
      return false;
    }
    for (int i = 0; i < 3; i++) {
      if (line.charAt(i) < '0' || line.charAt(i) > '9') {
        return false;
      }
    }
    return line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-';
  }

  /**
   * The last ')' that is followed only by {@code key=value} tokens: a variable's value may itself
   * contain parentheses.
   */
  private static int closingParenthesis(String tail) {
    for (int i = tail.length() - 1; i > 0; i--) {
      if (tail.charAt(i) == ')' && EXTRAS_ONLY.matcher(tail.substring(i + 1)).matches()) {
        return i;
      }
    }
    return tail.length();
  }

  private static String abbreviate(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  public int code() {
    return code;
  }

  /** Everything after the code, e.g. {@code result=1 (queue)} or the error message. */
  public String text() {
    return text;
  }

  /** The raw {@code result=} value; empty for {@code result= (timeout)} and for error codes. */
  public String result() {
    return result;
  }

  /** The {@code result} as an int, or {@code fallback} when it is empty or not a number. */
  public int resultAsInt(int fallback) {
    try {
      return result.isEmpty() ? fallback : Integer.parseInt(result);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** The text in parentheses after the result ({@code queue}, {@code timeout}, ...) or null. */
  public String data() {
    return data;
  }

  /** {@code key=value} items after the result, e.g. {@code endpos}. */
  public Map<String, String> extras() {
    return extras;
  }

  /** Sample position where playback or recording stopped ({@code endpos=}), if present. */
  public OptionalLong endpos() {
    String value = extras.get("endpos");
    try {
      return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The usage lines of a multi-line 520 reply (empty for the single-line form). */
  public List<String> usage() {
    return usage;
  }

  public boolean isSuccess() {
    return code == SUCCESS;
  }

  /** {@code (timeout)} after the result: GET DATA or RECORD FILE ended by their timeout. */
  public boolean isTimeout() {
    return "timeout".equals(data);
  }

  /**
   * The DTMF digit a STREAM FILE / WAIT FOR DIGIT / RECORD FILE returned (their result is the ASCII
   * code of the key), or 0 when none was pressed.
   */
  public char digit() {
    int value = resultAsInt(0);
    return value > 0 && value < 128 ? (char) value : 0;
  }

  @Override
  public String toString() {
    return code + " " + text + (usage.isEmpty() ? "" : " " + usage);
  }
}
