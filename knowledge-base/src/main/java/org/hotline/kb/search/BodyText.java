package org.hotline.kb.search;

import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.hotline.kb.analysis.TextNormalizer;

/**
 * A candidate's body as characters as written and as a normalised String, decoded once from its doc
 * value.
 *
 * <p>Why: the second stage reads a dozen bodies per search, and decoding each to a String (through
 * a scratch array three times its size), normalising it to another and cutting its start to a third
 * made a quarter of all the memory a search allocated (measured with JFR); every young collection
 * that garbage causes stalls the searches in flight. The normalised form stays a String because
 * {@link String#indexOf(String)} is a vectorised intrinsic: a hand-written search over a char array
 * cost more CPU than the garbage saved.
 */
final class BodyText {

  /** Scratch for the normalised characters, one per thread: copied into the String at once. */
  private static final ThreadLocal<char[]> SCRATCH = ThreadLocal.withInitial(() -> new char[1024]);

  private final char[] text;
  private final String norm;

  private BodyText(char[] text, String norm) {
    this.text = text;
    this.norm = norm;
  }

  /** An empty body. */
  static final BodyText EMPTY = new BodyText(new char[0], "");

  /** Decodes a UTF-8 doc value. */
  static BodyText of(BytesRef utf8) {
    char[] text = new char[utf16Length(utf8)];
    int n = UnicodeUtil.UTF8toUTF16(utf8.bytes, utf8.offset, utf8.length, text);
    char[] scratch = SCRATCH.get();
    if (scratch.length < n) {
      scratch = new char[Math.max(n, scratch.length * 2)];
      SCRATCH.set(scratch);
    }
    for (int i = 0; i < n; i++) {
      scratch[i] = TextNormalizer.normalize(text[i]);
    }
    return new BodyText(text, new String(scratch, 0, n));
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
    return text.length == 0;
  }

  int length() {
    return text.length;
  }

  /** The character as written. */
  char charAt(int i) {
    return text[i];
  }

  /** The normalised character. */
  char normAt(int i) {
    return norm.charAt(i);
  }

  /** Whether the normalised body contains {@code s} within its first {@code limit} characters. */
  boolean contains(String s, int limit) {
    int at = norm.indexOf(s); // the first occurrence ends soonest
    return at >= 0 && at + s.length() <= limit;
  }

  /** Where {@code s} next occurs in the normalised body at or after {@code from}, or -1. */
  int indexOf(String s, int from) {
    return norm.indexOf(s, from);
  }
}
