package org.hotline.kb.analysis;

/**
 * Length-preserving normalisation: full-width ASCII to half-width, ideographic space to space,
 * lower case. Keeping the length lets snippets map matches back to the original text.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** Normalises {@code text}; the result has the same length, char for char. */
  public static String normalize(String text) {
    char[] out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char n = normalize(c);
      if (n != c && out == null) {
        out = text.toCharArray(); // copy only when something changes: most text is already plain
      }
      if (out != null) {
        out[i] = n;
      }
    }
    return out == null ? text : new String(out);
  }

  /** One character normalised: full-width to half-width, ideographic space to space, lower case. */
  public static char normalize(char c) {
    if (c < 0x80) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
    if (isHan(c)) {
      return c; // Chinese characters have no case; the common case, skip the Unicode tables
    }
    if (c >= '\uFF01' && c <= '\uFF5E') {
      c = (char) (c - 0xFEE0);
    } else if (c == '\u3000') {
      c = ' ';
    }
    return Character.toLowerCase(c);
  }

  /** Whether {@code c} is a Chinese character (BMP Han ideographs and 〇). */
  public static boolean isHan(char c) {
    // Unified ideographs, extension A and compatibility ideographs: a range test, because
    // Character.UnicodeScript.of is too slow for the indexing hot path.
    return (c >= '\u4E00' && c <= '\u9FFF')
        || (c >= '\u3400' && c <= '\u4DBF')
        || (c >= '\uF900' && c <= '\uFAFF')
        || c == '\u3007';
  }

  /** Whether {@code c} is an ASCII letter or digit. */
  public static boolean isAsciiWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }
}
