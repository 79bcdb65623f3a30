package org.hotline.sms;

import java.util.Locale;

/**
 * What an outbound message is for. The kind decides the policies applied by the sender: quiet hours
 * (deferrable kinds wait unless urgent) and opt-out (non-essential kinds are not sent to a number
 * that replied TD/退订). The database stores {@link #code()}.
 */
public enum SmsKind {
  /** 受理回执: answer to the citizen's own request. */
  RECEIPT(true, false),
  /** 派单通知: to a unit's contact. */
  DISPATCH_NOTICE(true, true),
  /** Deadline warning to a unit. */
  WARNING(true, true),
  /** Overdue notice to a unit. */
  OVERDUE(true, true),
  /** 办理结果: the outcome of the citizen's request. */
  RESULT(true, false),
  /** 满意度回访: survey invitation; non-essential. */
  SURVEY(false, true),
  /** Thanks after a rating; non-essential. */
  THANKS(false, false),
  /** Answer to a CX/查询 progress query. */
  STATUS_REPLY(true, false),
  /** Typed by centre staff. */
  MANUAL(true, false),
  /** Help text answering an unusable MO. */
  HELP(true, false),
  /** Confirmation of a TD/退订 opt-out (always sent). */
  OPT_OUT_CONFIRM(true, false),
  /** Anything else; non-essential. */
  OTHER(false, true);

  private final boolean essential;
  private final boolean deferrable;

  SmsKind(boolean essential, boolean deferrable) {
    this.essential = essential;
    this.deferrable = deferrable;
  }

  /** Essential messages still go to a number that opted out. */
  public boolean essential() {
    return essential;
  }

  /** Deferrable messages wait for the end of quiet hours unless marked urgent. */
  public boolean deferrable() {
    return deferrable;
  }

  /** Lower-case code stored in the database and used on the event bus. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SmsKind fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
