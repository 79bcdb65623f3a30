package org.hotline.sms.text;

import java.util.Optional;

/** User data header helpers: the concatenation information element (8-bit and 16-bit refs). */
public final class Udh {

  /** Length of the UDH this gateway writes: UDHL, IEI 0x00, IEDL 3, ref, total, seq. */
  public static final int CONCAT8_LENGTH = 6;

  private Udh() {}

  /** The 6-byte UDH with an 8-bit reference concatenation IE. */
  public static byte[] concat8(int reference, int total, int seq) {
    return new byte[] {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) seq};
  }

  /** Concatenation info found in a UDH and where the body starts in the short_message. */
  public record ConcatInfo(int reference, int total, int seq, int bodyOffset) {}

  /**
   * Parses the UDH at the start of {@code sm} (caller has seen UDHI). Returns the concat info, or a
   * single-part info when the header has no concat IE; empty when the header is malformed.
   */
  public static Optional<ConcatInfo> parse(byte[] sm) {
    if (sm == null || sm.length < 1) {
      return Optional.empty();
    }
    int udhl = sm[0] & 0xFF;
    if (udhl + 1 > sm.length) {
      return Optional.empty();
    }
    int i = 1;
    ConcatInfo found = null;
    while (i + 1 < udhl + 1) {
      int iei = sm[i] & 0xFF;
      int len = sm[i + 1] & 0xFF;
      int data = i + 2;
      if (data + len > udhl + 1) {
        return Optional.empty();
      }
      if (iei == 0x00 && len == 3) {
        found = new ConcatInfo(sm[data] & 0xFF, sm[data + 1] & 0xFF, sm[data + 2] & 0xFF, udhl + 1);
      } else if (iei == 0x08 && len == 4) {
        int ref = ((sm[data] & 0xFF) << 8) | (sm[data + 1] & 0xFF);
        found = new ConcatInfo(ref, sm[data + 2] & 0xFF, sm[data + 3] & 0xFF, udhl + 1);
      }
      i = data + len;
    }
    if (found == null) {
      return Optional.of(new ConcatInfo(0, 1, 1, udhl + 1));
    }
    if (found.total() < 1 || found.seq() < 1 || found.seq() > found.total()) {
      return Optional.empty();
    }
    return Optional.of(found);
  }
}
