package org.hotline.ticketing.scheduler;

/**
 * What one sweep did.
 *
 * @param prepared orders whose warning moments were computed
 * @param warnings new warnings (sign or due)
 * @param overdue new overdue marks (sign or due)
 * @param urgentUnsigned urgent orders newly flagged as not signed in time
 * @param supervised orders put under automatic supervision
 * @param sms SMS notices enqueued
 */
public record SweepReport(
    int prepared, int warnings, int overdue, int urgentUnsigned, int supervised, int sms) {

  public static final SweepReport EMPTY = new SweepReport(0, 0, 0, 0, 0, 0);

  SweepReport plus(SweepReport o) {
    return new SweepReport(
        prepared + o.prepared,
        warnings + o.warnings,
        overdue + o.overdue,
        urgentUnsigned + o.urgentUnsigned,
        supervised + o.supervised,
        sms + o.sms);
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
