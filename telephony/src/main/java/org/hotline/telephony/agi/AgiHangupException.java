package org.hotline.telephony.agi;

/**
 * The channel is gone: Asterisk answered {@code 511} (dead channel; {@link #reply()} holds it) or
 * the session closed before the reply came ({@link #reply()} is null). Scripts usually let it end
 * the script.
 */
public final class AgiHangupException extends AgiException {
  private final transient AgiReply reply;

  public AgiHangupException(String message) {
    this(message, null);
  }

  public AgiHangupException(String message, AgiReply reply) {
    super(message);
    this.reply = reply;
  }

  /** The {@code 511} reply, or null when the session closed. */
  public AgiReply reply() {
    return reply;
  }
}
