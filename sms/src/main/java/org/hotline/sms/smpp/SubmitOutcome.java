package org.hotline.sms.smpp;

import java.util.Map;

/**
 * What happened to one message's segments: the SMSC ids of the segments accepted in this attempt
 * (by segment number) and, when some were not, the error and whether retrying can help.
 */
public record SubmitOutcome(Map<Integer, String> smscIds, String error, boolean permanent) {

  public SubmitOutcome {
    smscIds = Map.copyOf(smscIds);
  }

  /** True when every requested segment was accepted. */
  public boolean complete() {
    return error == null;
  }
}
