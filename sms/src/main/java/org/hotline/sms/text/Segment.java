package org.hotline.sms.text;

/**
 * One short_message to submit: {@code payload} is the UDH (when {@code total > 1}) followed by the
 * encoded body; {@code text} is the part of the original text it carries.
 */
public record Segment(int seq, int total, int reference, byte[] payload, String text) {

  /** Whether the payload starts with a user data header (esm_class UDHI 0x40 must be set). */
  public boolean hasUdh() {
    return total > 1;
  }
}
