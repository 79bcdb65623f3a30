package org.hotline.sms;

/**
 * The event-bus contract of the sms module: every address it listens on or publishes to, with the
 * JSON each message carries. Times are ISO-8601 instants (UTC). The core never needs more than this
 * class and the Java API ({@code SmsOutbox.enqueue}, {@code SmsTemplates}).
 */
public final class SmsAddresses {

  private SmsAddresses() {}

  /**
   * Published after an MO message (reassembled when concatenated) is stored with direction mo:
   * {@code {id, number, text, kind, orderNumber?, score?, receivedAt}} where {@code kind} is one of
   * {@code survey_reply} (score 1 满意, 2 基本满意, 3 不满意; the core decides whether a survey is pending
   * for that number, otherwise it treats the text as a new request), {@code status_query}
   * (orderNumber set), {@code opt_out} (already recorded and confirmed by this module: information
   * only), {@code help} (empty, binary, oversized or incomplete: this module has already answered
   * with help text), {@code new_request}. The core answers by enqueueing messages.
   */
  public static final String MO_RECEIVED = "sms.mo.received";

  /**
   * Published when an outbound message reaches a final state: {@code {id, ticketId, kind, state,
   * error?}} with state {@code delivered} or {@code failed} (undeliverable, expired, rejected,
   * blocked by opt-out, or given up after the configured age).
   */
  public static final String MT_STATUS = "sms.mt.status";

  /**
   * Published whenever the SMPP link goes up or down: {@code {bound, simulated, host, port}}.
   * {@code simulated} is true when no SMSC is configured and the built-in simulator is used.
   */
  public static final String LINK_STATUS = "sms.link.status";

  /** Request/reply: empty body; replies with the current {@link #LINK_STATUS} object. */
  public static final String LINK_STATUS_GET = "sms.link.status.get";

  /**
   * Request/reply, only registered when running against the simulator: {@code {from, text}} injects
   * an MO message (split and concatenated when long); replies {@code {parts}}.
   */
  public static final String SIM_INJECT_MO = "sms.sim.inject";
}
