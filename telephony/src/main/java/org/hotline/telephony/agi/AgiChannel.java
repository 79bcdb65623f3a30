package org.hotline.telephony.agi;

import io.vertx.core.Future;

/**
 * The asynchronous view of one FastAGI session that scripts drive. Every method writes one AGI
 * command and returns the reply's future; commands are sent one at a time in call order (a command
 * issued while another is pending is queued). Futures complete on the session's event loop: with
 * the {@link AgiReply} for a {@code 200} reply, or failed with {@link AgiHangupException} ({@code
 * 511}, socket closed), {@link AgiCommandException} ({@code 510}, {@code 520}) or {@link
 * AgiTimeoutException}. Not thread-safe: call it from the script's callbacks only.
 */
public interface AgiChannel {
  AgiRequest request();

  /** True once Asterisk said {@code HANGUP}, answered {@code 511}, or the socket closed. */
  boolean isHungUp();

  /** Completes when the channel is hung up (see {@link #isHungUp()}); never fails. */
  Future<Void> hangupSignal();

  /** Writes a raw command line (without the trailing newline). */
  Future<AgiReply> sendCommand(String command);

  /** {@code ANSWER}. */
  Future<AgiReply> answer();

  /**
   * {@code STREAM FILE file "escape"}: result 0 when played, the key's ASCII code when interrupted,
   * -1 on error or hang-up; {@code endpos} gives the position reached.
   */
  Future<AgiReply> streamFile(String file, String escapeDigits);

  /**
   * {@code GET DATA file timeout maxDigits}: the digits as result ({@code #} ends input), with
   * {@code (timeout)} when the timeout ended input (result empty when no key was pressed).
   */
  Future<AgiReply> getData(String file, long timeoutMs, int maxDigits);

  /** {@code WAIT FOR DIGIT timeout}: the key's ASCII code, or 0 on timeout. */
  Future<AgiReply> waitForDigit(long timeoutMs);

  /**
   * {@code RECORD FILE file format "escape" timeout BEEP}: records until a key in {@code
   * escapeDigits}, the timeout (ms) or hang-up; {@code endpos} is the length in samples.
   */
  Future<AgiReply> record(String file, String format, String escapeDigits, long timeoutMs);

  /** {@code SAY DIGITS digits "escape"}. */
  Future<AgiReply> sayDigits(String digits, String escapeDigits);

  /** {@code SAY DATE epochSeconds "escape"}. */
  Future<AgiReply> sayDate(long epochSeconds, String escapeDigits);

  /** {@code SET VARIABLE name value} (value quoted when needed). */
  Future<AgiReply> setVariable(String name, String value);

  /** {@code GET VARIABLE name}: result 1 and the value as {@link AgiReply#data()}, or result 0. */
  Future<AgiReply> getVariable(String name);

  /** {@code EXEC application options}: the application's return value, -2 when it is unknown. */
  Future<AgiReply> exec(String application, String options);

  /** {@code HANGUP}. */
  Future<AgiReply> hangup();

  /** {@code VERBOSE "message" level}. */
  Future<AgiReply> verbose(String message, int level);
}
