package org.hotline.telephony.agi;

/** Asterisk refused a command: {@code 510} unknown command or {@code 520} invalid syntax. */
public final class AgiCommandException extends AgiException {
  private final transient AgiReply reply;

  public AgiCommandException(String command, AgiReply reply) {
    super("AGI command refused: " + command + " -> " + reply.code() + " " + reply.text());
    this.reply = reply;
  }

  public AgiReply reply() {
    return reply;
  }
}
