package org.hotline.sms.text;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the de-facto receipt format of SMPP 3.4 Appendix B: {@code id:IIII sub:SSS dlvrd:DDD
 * submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E text:...}. Field names are matched
 * case-insensitively and missing counters default to 0. Pure and thread-safe.
 */
public final class DeliveryReceiptParser {

  private static final Pattern ID = Pattern.compile("(?i)\\bid:(\\S+)");
  private static final Pattern SUB = Pattern.compile("(?i)\\bsub:(\\d+)");
  private static final Pattern DLVRD = Pattern.compile("(?i)\\bdlvrd:(\\d+)");
  private static final Pattern SUBMIT = Pattern.compile("(?i)\\bsubmit date:(\\d+)");
  private static final Pattern DONE = Pattern.compile("(?i)\\bdone date:(\\d+)");
  private static final Pattern STAT = Pattern.compile("(?i)\\bstat:([A-Za-z]+)");
  private static final Pattern ERR = Pattern.compile("(?i)\\berr:(\\w+)");
  private static final Pattern TEXT = Pattern.compile("(?is)\\btext:(.*)$");

  private DeliveryReceiptParser() {}

  /** The receipt, or empty when the text has no id or no stat. */
  public static Optional<DeliveryReceipt> parse(String receipt) {
    if (receipt == null) {
      return Optional.empty();
    }
    String id = find(ID, receipt);
    String stat = find(STAT, receipt);
    if (id == null || stat == null) {
      return Optional.empty();
    }
    return Optional.of(
        new DeliveryReceipt(
            id,
            toInt(find(SUB, receipt)),
            toInt(find(DLVRD, receipt)),
            find(SUBMIT, receipt),
            find(DONE, receipt),
            stat.toUpperCase(Locale.ROOT),
            orDefault(find(ERR, receipt), "000"),
            orDefault(find(TEXT, receipt), "")));
  }

  /** Formats a receipt the way SMSCs do (used by the simulator). */
  public static String format(DeliveryReceipt r) {
    return String.format(
        Locale.ROOT,
        "id:%s sub:%03d dlvrd:%03d submit date:%s done date:%s stat:%s err:%s text:%s",
        r.messageId(),
        r.submitted(),
        r.delivered(),
        r.submitDate(),
        r.doneDate(),
        r.status(),
        r.error(),
        r.text().length() > 20 ? r.text().substring(0, 20) : r.text());
  }

  private static String find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }

  private static int toInt(String s) {
    return s == null ? 0 : Integer.parseInt(s.length() > 9 ? s.substring(s.length() - 9) : s);
  }

  private static String orDefault(String s, String d) {
    return s == null ? d : s;
  }
}
