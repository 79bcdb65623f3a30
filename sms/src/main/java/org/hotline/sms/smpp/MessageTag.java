package org.hotline.sms.smpp;

/**
 * The vendor-specific TLV this gateway may add to every submit_sm: the outbox message id and the
 * segment number as ASCII "id:seq". SMSCs ignore unknown vendor TLVs (SMPP 3.4 §5.3); the simulator
 * uses it to count duplicates after a crash. Turn it off ({@code tagMessages=false}) for an SMSC
 * that rejects unknown TLVs.
 */
public final class MessageTag {

  /** Tag in the SMPP vendor-specific range 0x1400–0x3FFF. */
  public static final short TAG = 0x1501;

  private MessageTag() {}

  public static String format(long messageId, int seq) {
    return messageId + ":" + seq;
  }
}
