package org.hotline.telephony.ami.records;

import java.time.Instant;

/**
 * One transfer or conference of a call (e.g. an emergency hand-over to 110/119/120/122). {@code
 * kind}: {@code redirect} (AMI Redirect, blind), {@code blind} (a BlindTransfer Asterisk reported),
 * {@code attended} (Atxfer: the agent speaks to the target first) or {@code conference} (caller,
 * agent and target in one ConfBridge). {@code result}: {@code requested} (asked, not yet confirmed
 * by an event), {@code success} or {@code failed}. {@code at}: when it was asked for or, without a
 * request of ours, when Asterisk reported it.
 */
public record CallTransfer(String kind, String target, Instant at, String result) {
  public static final String REDIRECT = "redirect";
  public static final String BLIND = "blind";
  public static final String ATTENDED = "attended";
  public static final String CONFERENCE = "conference";
  public static final String REQUESTED = "requested";
  public static final String SUCCESS = "success";
  public static final String FAILED = "failed";

  CallTransfer withResult(String newResult) {
    return new CallTransfer(kind, target, at, newResult);
  }

  CallTransfer withTarget(String newTarget) {
    return new CallTransfer(kind, newTarget, at, result);
  }

  /** Asterisk's transfer Result ({@code Success}, {@code Fail}, {@code Invalid}, …) as ours. */
  static String resultOf(String asterisk) {
    return "Success".equalsIgnoreCase(asterisk) ? SUCCESS : FAILED;
  }
}
