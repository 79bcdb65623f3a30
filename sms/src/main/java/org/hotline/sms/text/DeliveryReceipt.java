package org.hotline.sms.text;

/**
 * A parsed SMSC delivery receipt (the text of a deliver_sm with esm_class 0x04).
 *
 * @param messageId the SMSC message id the receipt is about (as in submit_sm_resp)
 * @param status DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, UNKNOWN, ENROUTE
 * @param error the network error code, "000" when none
 */
public record DeliveryReceipt(
    String messageId,
    int submitted,
    int delivered,
    String submitDate,
    String doneDate,
    String status,
    String error,
    String text) {

  /** True for a final successful delivery. */
  public boolean isDelivered() {
    return "DELIVRD".equals(status);
  }

  /** True for a final state (delivered or failed); ACCEPTD/ENROUTE are intermediate. */
  public boolean isFinal() {
    return !"ENROUTE".equals(status) && !"ACCEPTD".equals(status);
  }
}
