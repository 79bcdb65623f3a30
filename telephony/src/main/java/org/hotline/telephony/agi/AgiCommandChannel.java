package org.hotline.telephony.agi;

import io.vertx.core.Future;

/**
 * The typed AGI commands of {@link AgiChannel}, written the way the peer that recorded the Asterisk
 * fixtures wrote them ({@code STREAM FILE name ""}, {@code VERBOSE "text" 1}, bare words where no
 * quoting is needed). Each command passes its own expected wait (prompt, digit timeout, recording
 * time) so the session can size its reply timeout.
 */
abstract class AgiCommandChannel implements AgiChannel {
  private final long mediaTimeoutMs;

  AgiCommandChannel(long mediaTimeoutMs) {
    this.mediaTimeoutMs = mediaTimeoutMs;
  }

  /** Writes one command line; {@code ownWaitMs} is how long Asterisk may legitimately take. */
  protected abstract Future<AgiReply> send(String line, long ownWaitMs);

  @Override
  public Future<AgiReply> sendCommand(String command) {
    return send(command, 0);
  }

  @Override
  public Future<AgiReply> answer() {
    return send("ANSWER", 0);
  }

  @Override
  public Future<AgiReply> streamFile(String file, String escapeDigits) {
    return send(
        "STREAM FILE " + AgiCommandLine.word(file) + " " + AgiCommandLine.quoted(escapeDigits),
        mediaTimeoutMs);
  }

  @Override
  public Future<AgiReply> getData(String file, long timeoutMs, int maxDigits) {
    return send(
        "GET DATA " + AgiCommandLine.word(file) + " " + timeoutMs + " " + maxDigits,
        mediaTimeoutMs + timeoutMs * (maxDigits + 1L));
  }

  @Override
  public Future<AgiReply> waitForDigit(long timeoutMs) {
    return send("WAIT FOR DIGIT " + timeoutMs, Math.max(0, timeoutMs));
  }

  @Override
  public Future<AgiReply> record(String file, String format, String escapeDigits, long timeoutMs) {
    return send(
        "RECORD FILE "
            + AgiCommandLine.word(file)
            + " "
            + AgiCommandLine.word(format)
            + " "
            + AgiCommandLine.quoted(escapeDigits)
            + " "
            + timeoutMs
            + " 0 BEEP",
        timeoutMs > 0 ? timeoutMs : mediaTimeoutMs);
  }

  @Override
  public Future<AgiReply> sayDigits(String digits, String escapeDigits) {
    return send(
        "SAY DIGITS " + AgiCommandLine.word(digits) + " " + AgiCommandLine.quoted(escapeDigits),
        mediaTimeoutMs);
  }

  @Override
  public Future<AgiReply> sayDate(long epochSeconds, String escapeDigits) {
    return send(
        "SAY DATE " + epochSeconds + " " + AgiCommandLine.quoted(escapeDigits), mediaTimeoutMs);
  }

  @Override
  public Future<AgiReply> setVariable(String name, String value) {
    return send("SET VARIABLE " + AgiCommandLine.word(name) + " " + AgiCommandLine.word(value), 0);
  }

  @Override
  public Future<AgiReply> getVariable(String name) {
    return send("GET VARIABLE " + AgiCommandLine.word(name), 0);
  }

  @Override
  public Future<AgiReply> exec(String application, String options) {
    String line = "EXEC " + AgiCommandLine.word(application);
    if (!options.isEmpty()) {
      line += " " + AgiCommandLine.word(options);
    }
    return send(line, mediaTimeoutMs);
  }

  @Override
  public Future<AgiReply> hangup() {
    return send("HANGUP", 0);
  }

  @Override
  public Future<AgiReply> verbose(String message, int level) {
    return send("VERBOSE " + AgiCommandLine.quoted(message) + " " + level, 0);
  }
}
