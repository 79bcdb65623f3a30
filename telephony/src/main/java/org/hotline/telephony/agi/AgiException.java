package org.hotline.telephony.agi;

/** Base of the failures an {@link AgiChannel} command future can fail with. */
public class AgiException extends RuntimeException {
  public AgiException(String message) {
    super(message, null, false, false);
  }
}
