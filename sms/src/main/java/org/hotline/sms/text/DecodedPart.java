package org.hotline.sms.text;

import java.nio.charset.StandardCharsets;

/**
 * One received short_message decoded: its text (empty for binary content), whether it was binary,
 * and its place in a concatenated message (1 of 1 when not concatenated).
 */
public record DecodedPart(String text, boolean binary, int reference, int total, int seq) {

  /** data_coding values this gateway understands as text. */
  private static final int DC_DEFAULT = 0x00;

  private static final int DC_IA5 = 0x01;
  private static final int DC_LATIN1 = 0x03;
  private static final int DC_UCS2 = 0x08;

  /**
   * Decodes a deliver_sm body. {@code udhi} is esm_class bit 0x40. A malformed header is treated as
   * binary so the caller answers with help text and keeps it for audit.
   */
  public static DecodedPart decode(byte dataCoding, boolean udhi, byte[] sm) {
    byte[] body = sm == null ? new byte[0] : sm;
    int offset = 0;
    int ref = 0;
    int total = 1;
    int seq = 1;
    if (udhi) {
      var info = Udh.parse(body);
      if (info.isEmpty()) {
        return new DecodedPart("", true, 0, 1, 1);
      }
      offset = info.get().bodyOffset();
      ref = info.get().reference();
      total = info.get().total();
      seq = info.get().seq();
    }
    int len = body.length - offset;
    int dc = dataCoding & 0xFF;
    String text;
    if (dc == DC_UCS2) {
      text = new String(body, offset, len - (len % 2), StandardCharsets.UTF_16BE);
    } else if (dc == DC_DEFAULT) {
      text = Gsm7Alphabet.decode(body, offset, len);
    } else if (dc == DC_IA5) {
      text = new String(body, offset, len, StandardCharsets.US_ASCII);
    } else if (dc == DC_LATIN1) {
      text = new String(body, offset, len, StandardCharsets.ISO_8859_1);
    } else {
      return new DecodedPart("", true, ref, total, seq);
    }
    return new DecodedPart(text, false, ref, total, seq);
  }
}
