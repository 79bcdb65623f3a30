package org.hotline.kb.analysis;

/**
 * Length-preserving normalisation: full-width ASCII to half-width, ideographic space to space,
 * lower case. Keeping the length lets snippets map matches back to the original text.
 */
public final class TextNormalizer {

  private TextNormalizer() {}

  /** Normalises {@code text}; the result has the same length, char for char. */
  public static String normalize(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      out[i] = Character.toLowerCase(c);
    }
    return new String(out);
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
