package org.hotline.kb.search;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.hotline.kb.analysis.TextNormalizer;

/**
 * A candidate's body as characters, as written and normalised, decoded once from its doc value.
 *
 * <p>Why not Strings: the second stage reads a dozen bodies per search, and decoding each to a
 * String, normalising it to another and cutting its start to a third made a quarter of all the
 * memory a search allocated (measured with JFR) — and every young collection that garbage causes
 * stalls the searches in flight. Only the best hit's normalised body becomes a String.
 */
final class BodyText {

  private final char[] text;
  private final char[] norm;
  private final int length;

  private BodyText(char[] text, char[] norm, int length) {
    this.text = text;
    this.norm = norm;
    this.length = length;
  }

  /** An empty body. */
  static final BodyText EMPTY = new BodyText(new char[0], new char[0], 0);

  /** Decodes a UTF-8 doc value. */
  static BodyText of(BytesRef utf8) {
    char[] text = new char[utf16Length(utf8)];
    int n = UnicodeUtil.UTF8toUTF16(utf8.bytes, utf8.offset, utf8.length, text);
    char[] norm = new char[n];
    for (int i = 0; i < n; i++) {
      norm[i] = TextNormalizer.normalize(text[i]);
    }
    return new BodyText(text, norm, n);
  }

  /** UTF-16 units of UTF-8 text: one per lead byte, two for a four-byte sequence. */
  private static int utf16Length(BytesRef utf8) {
    int n = 0;
    for (int i = utf8.offset; i < utf8.offset + utf8.length; i++) {
      int b = utf8.bytes[i] & 0xFF;
      if (b < 0x80 || b >= 0xC0) {
        n += b >= 0xF0 ? 2 : 1;
      }
    }
    return n;
  }

  /** Of a String (tests and callers without doc values). */
  static BodyText of(String s) {
    return of(new BytesRef(s));
  }

  boolean isEmpty() {
    return length == 0;
  }

  int length() {
    return length;
  }

  /** The character as written. */
  char charAt(int i) {
    return text[i];
  }

  /** The normalised character. */
  char normAt(int i) {
    return norm[i];
  }

  /** Whether the normalised body contains {@code s} within its first {@code limit} characters. */
  boolean contains(String s, int limit) {
    return indexOf(s, 0, Math.min(limit, length)) >= 0;
  }

  /** Where {@code s} next occurs in the normalised body at or after {@code from}, or -1. */
  int indexOf(String s, int from) {
    return indexOf(s, from, length);
  }

  private int indexOf(String s, int from, int end) {
    int n = s.length();
    if (n == 0) {
      return from <= end ? from : -1;
    }
    char first = s.charAt(0);
    for (int i = from; i + n <= end; i++) {
      if (norm[i] != first) {
        continue;
      }
      int j = 1;
      while (j < n && norm[i + j] == s.charAt(j)) {
        j++;
      }
      if (j == n) {
        return i;
      }
    }
    return -1;
  }

  /** The normalised body as a String. */
  String normalized() {
    return new String(norm, 0, length);
  }
}
