package org.hotline.telephony.agi;

/** Builds AGI command lines the way Asterisk's argument parser reads them. */
final class AgiCommandLine {
  private AgiCommandLine() {}

  /**
   * Always quoted: {@code ""}, {@code "12"}, {@code "message with spaces"}. Backslashes and quotes
   * are escaped; line breaks, which would end the command, become spaces.
   */
  static String quoted(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' || c == '\r') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** Bare when it is a single safe word ({@code zh}, {@code hotline-beep}), quoted otherwise. */
  static String word(String value) {
    if (value.isEmpty()) {
      return "\"\"";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c == '"' || c == '\\' || c == 0x7f) {
        return quoted(value);
      }
    }
    return value;
  }
}
