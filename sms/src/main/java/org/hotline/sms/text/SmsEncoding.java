package org.hotline.sms.text;

/** The two encodings the gateway sends: GSM 7-bit for plain text, UCS2 for everything else. */
public enum SmsEncoding {
  /** GSM 03.38 default alphabet, data_coding 0; units are septets. */
  GSM7((byte) 0x00, 160, 153),
  /** UCS2 (UTF-16BE), data_coding 8; units are UTF-16 code units. */
  UCS2((byte) 0x08, 70, 67);

  private final byte dataCoding;
  private final int singleCapacity;
  private final int segmentCapacity;

  SmsEncoding(byte dataCoding, int singleCapacity, int segmentCapacity) {
    this.dataCoding = dataCoding;
    this.singleCapacity = singleCapacity;
    this.segmentCapacity = segmentCapacity;
  }

  /** The SMPP data_coding value. */
  public byte dataCoding() {
    return dataCoding;
  }

  /** Units that fit in one message without a UDH (160 septets or 70 characters). */
  public int singleCapacity() {
    return singleCapacity;
  }

  /** Units that fit in one segment of a concatenated message (153 or 67). */
  public int segmentCapacity() {
    return segmentCapacity;
  }

  /** GSM 7-bit when every character is in the default alphabet, UCS2 otherwise. */
  public static SmsEncoding choose(CharSequence text) {
    return Gsm7Alphabet.canEncode(text) ? GSM7 : UCS2;
  }
}
