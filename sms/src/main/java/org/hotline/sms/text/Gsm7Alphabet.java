package org.hotline.sms.text;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet with its extension table, as unpacked septets (one septet per
 * byte), which is how SMPP carries data_coding 0 in short_message. Pure and thread-safe.
 */
public final class Gsm7Alphabet {

  /** Escape to the extension table; a character from it costs two septets. */
  public static final int ESCAPE = 0x1B;

  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  private static final char[] EXT_CHARS = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'};
  private static final int[] EXT_CODES = {
    0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65
  };

  private Gsm7Alphabet() {}

  /** Septets this character costs: 1 (basic), 2 (extension table) or 0 when not encodable. */
  public static int septets(char c) {
    if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
      return 1;
    }
    return extCode(c) >= 0 ? 2 : 0;
  }

  /** True when every character of the text is in the default alphabet or its extension. */
  public static boolean canEncode(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      if (septets(text.charAt(i)) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Total septets of an encodable text. */
  public static int septetCount(CharSequence text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      int s = septets(text.charAt(i));
      if (s == 0) {
        throw new IllegalArgumentException("not GSM 7-bit encodable at index " + i);
      }
      n += s;
    }
    return n;
  }

  /** Encodes as unpacked septets. */
  public static byte[] encode(CharSequence text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
      if (basic >= 0) {
        out.write(basic);
        continue;
      }
      int ext = extCode(c);
      if (ext < 0) {
        throw new IllegalArgumentException("not GSM 7-bit encodable at index " + i);
      }
      out.write(ESCAPE);
      out.write(ext);
    }
    return out.toByteArray();
  }

  /** Decodes unpacked septets; unknown codes become '?'. */
  public static String decode(byte[] septets, int offset, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = offset; i < offset + length; i++) {
      int code = septets[i] & 0x7F;
      if (code == ESCAPE && i + 1 < offset + length) {
        int ext = septets[++i] & 0x7F;
        sb.append(extChar(ext));
      } else if (code == ESCAPE) {
        sb.append(' ');
      } else {
        sb.append(BASIC.charAt(code));
      }
    }
    return sb.toString();
  }

  private static int extCode(char c) {
    for (int i = 0; i < EXT_CHARS.length; i++) {
      if (EXT_CHARS[i] == c) {
        return EXT_CODES[i];
      }
    }
    return -1;
  }

  private static char extChar(int code) {
    for (int i = 0; i < EXT_CODES.length; i++) {
      if (EXT_CODES[i] == code) {
        return EXT_CHARS[i];
      }
    }
    return '?';
  }
}
