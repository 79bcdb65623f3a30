package org.hotline.ticketing.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One unit's evaluation (考核) over a period: the counts from which every rate is derived. Rates are
 * percentages with one decimal, or null when nothing was due (a unit is not scored on what it was
 * never asked to do).
 *
 * @param received orders dispatched to the unit in the period (派件量)
 * @param excluded of those, orders taken out of scoring by an approved appeal (申诉)
 * @param signDue scored orders still with the unit whose sign deadline has passed or that are
 *     signed
 * @param signedOnTime of those, signed by the deadline (签收及时)
 * @param completionDue scored orders still with the unit whose completion deadline has passed or
 *     that are replied
 * @param completedOnTime of those, replied by the deadline (按时办结)
 * @param returned scored orders given back to the centre (退单: return or dispute approved)
 * @param rehandled scored orders sent back for re-handling (重办: review rejected, dissatisfied
 *     rating, reopened)
 * @param rated scored orders with a rating; satisfied: 满意 or 基本满意 as the latest rating
 * @param callbackDue scored orders whose reply the centre accepted (应回访); calledBack: of those,
 *     with a callback result recorded (已回访)
 */
public record UnitEvaluation(
    String unit,
    String unitName,
    int received,
    int excluded,
    int signDue,
    int signedOnTime,
    int completionDue,
    int completedOnTime,
    int returned,
    int rehandled,
    int rated,
    int satisfied,
    int callbackDue,
    int calledBack) {

  public int scored() {
    return received - excluded;
  }

  public Double signedOnTimePct() {
    return pct(signedOnTime, signDue);
  }

  public Double completedOnTimePct() {
    return pct(completedOnTime, completionDue);
  }

  public Double returnPct() {
    return pct(returned, scored());
  }

  public Double rehandlePct() {
    return pct(rehandled, scored());
  }

  public Double satisfactionPct() {
    return pct(satisfied, rated);
  }

  public Double callbackPct() {
    return pct(calledBack, callbackDue);
  }

  /** part / whole as a percentage rounded half-up to one decimal; null when whole is 0. */
  public static Double pct(long part, long whole) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part * 100L)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** The figures as a table row (rank and score are added by the ranking). */
  public Map<String, Object> row() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("unit", unit);
    r.put("unitName", unitName);
    r.put("received", received);
    r.put("excluded", excluded);
    r.put("scored", scored());
    r.put("signDue", signDue);
    r.put("signedOnTime", signedOnTime);
    r.put("signedOnTimePct", signedOnTimePct());
    r.put("completionDue", completionDue);
    r.put("completedOnTime", completedOnTime);
    r.put("completedOnTimePct", completedOnTimePct());
    r.put("returned", returned);
    r.put("returnPct", returnPct());
    r.put("rehandled", rehandled);
    r.put("rehandlePct", rehandlePct());
    r.put("rated", rated);
    r.put("satisfied", satisfied);
    r.put("satisfactionPct", satisfactionPct());
    r.put("callbackDue", callbackDue);
    r.put("calledBack", calledBack);
    r.put("callbackPct", callbackPct());
    return r;
  }
}
