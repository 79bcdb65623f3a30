package org.hotline.sms.mo;

import java.util.Locale;

/** What an incoming message asks for. */
public enum MoKind {
  /** 1/2/3 or 满意/基本满意/不满意: a rating if the core has a survey pending for the number. */
  SURVEY_REPLY,
  /** CX or 查询 followed by an order number. */
  STATUS_QUERY,
  /** TD or 退订. */
  OPT_OUT,
  /** Empty, binary, oversized or incomplete: answered with help text. */
  HELP,
  /** Anything else: a new request for the intake queue. */
  NEW_REQUEST;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
