package org.hotline.telephony.agi;

/**
 * No reply within the command's timeout. The session is closed, since later replies could no longer
 * be matched to their commands.
 */
public final class AgiTimeoutException extends AgiException {
  public AgiTimeoutException(String message) {
    super(message);
  }
}
