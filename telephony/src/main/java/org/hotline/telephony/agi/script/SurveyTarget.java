package org.hotline.telephony.agi.script;

import org.hotline.telephony.agi.AgiRequest;

/**
 * What a survey rates, from the AGI arguments. {@code survey}: {@code (uniqueId, number)} of the
 * rated call. {@code callback-survey}: {@code (ref, number)} where ref is the ticket or callback
 * task id, or {@code (uniqueId, number, ref)} as the sample dialplan passes them; the call id is
 * then the callback call's own unique id. A missing number falls back to the caller id.
 */
record SurveyTarget(String callId, String number, String ref) {
  static SurveyTarget of(AgiRequest request, boolean callback) {
    String number = request.arg(2).isEmpty() ? request.callerId() : request.arg(2);
    if (!callback) {
      String rated = request.arg(1).isEmpty() ? request.uniqueId() : request.arg(1);
      return new SurveyTarget(rated, number, rated);
    }
    if (request.args().size() >= 3) {
      String callId = request.arg(1).isEmpty() ? request.uniqueId() : request.arg(1);
      return new SurveyTarget(callId, number, request.arg(3));
    }
    String ref = request.arg(1).isEmpty() ? request.uniqueId() : request.arg(1);
    return new SurveyTarget(request.uniqueId(), number, ref);
  }
}
