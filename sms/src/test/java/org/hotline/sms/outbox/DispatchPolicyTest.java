package org.hotline.sms.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.DispatchPolicy.Action;
import org.junit.jupiter.api.Test;

class DispatchPolicyTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // 23:00 in Shanghai
  private final Instant night = Instant.parse("2026-03-02T15:00:00Z");
  private final Instant day = Instant.parse("2026-03-02T03:00:00Z");
  private final DispatchPolicy policy =
      new DispatchPolicy(QuietHours.parse("22:00-08:00", SHANGHAI), Duration.ofHours(24), 5);

  @Test
  void unitNoticesWaitForMorningUnlessUrgent() {
    var d = policy.decide(SmsKind.DISPATCH_NOTICE, false, night, false, 0, night);
    assertThat(d.action()).isEqualTo(Action.DEFER);
    assertThat(d.until()).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    assertThat(policy.decide(SmsKind.DISPATCH_NOTICE, true, night, false, 0, night).action())
        .isEqualTo(Action.SEND);
    assertThat(policy.decide(SmsKind.OVERDUE, false, day, false, 0, day).action())
        .isEqualTo(Action.SEND);
  }

  @Test
  void answersToCitizensGoAtNight() {
    for (SmsKind k : new SmsKind[] {SmsKind.RECEIPT, SmsKind.STATUS_REPLY, SmsKind.HELP}) {
      assertThat(policy.decide(k, false, night, false, 0, night).action()).isEqualTo(Action.SEND);
    }
  }

  @Test
  void optOutBlocksNonEssentialOnly() {
    var survey = policy.decide(SmsKind.SURVEY, false, day, true, 0, day);
    assertThat(survey.action()).isEqualTo(Action.FAIL);
    assertThat(survey.reason()).contains("opted out");
    assertThat(policy.decide(SmsKind.THANKS, false, day, true, 0, day).action())
        .isEqualTo(Action.FAIL);
    assertThat(policy.decide(SmsKind.RECEIPT, false, day, true, 0, day).action())
        .isEqualTo(Action.SEND);
    assertThat(policy.decide(SmsKind.OPT_OUT_CONFIRM, false, day, true, 0, day).action())
        .isEqualTo(Action.SEND);
  }

  @Test
  void tooOldMessagesFail() {
    var d = policy.decide(SmsKind.RECEIPT, true, day.minus(Duration.ofHours(25)), false, 0, day);
    assertThat(d.action()).isEqualTo(Action.FAIL);
    assertThat(d.reason()).startsWith("gave up");
  }

  @Test
  void floodLimitDefersToNextHourExceptUrgentAndOptOutConfirmation() {
    var d = policy.decide(SmsKind.RECEIPT, false, day, false, 5, day);
    assertThat(d.action()).isEqualTo(Action.DEFER);
    assertThat(d.until()).isEqualTo(Instant.parse("2026-03-02T04:00:00Z"));
    assertThat(policy.decide(SmsKind.RECEIPT, false, day, false, 4, day).action())
        .isEqualTo(Action.SEND);
    assertThat(policy.decide(SmsKind.RECEIPT, true, day, false, 50, day).action())
        .isEqualTo(Action.SEND);
    assertThat(policy.decide(SmsKind.OPT_OUT_CONFIRM, false, day, false, 50, day).action())
        .isEqualTo(Action.SEND);
    var unlimited = new DispatchPolicy(QuietHours.none(SHANGHAI), Duration.ofHours(1), 0);
    assertThat(unlimited.decide(SmsKind.OTHER, false, day, false, 10_000, day).action())
        .isEqualTo(Action.SEND);
  }

  @Test
  void backoffDoublesUpToFiveMinutes() {
    assertThat(Backoff.afterAttempt(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Backoff.afterAttempt(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.afterAttempt(5)).isEqualTo(Duration.ofSeconds(16));
    assertThat(Backoff.afterAttempt(30)).isEqualTo(Duration.ofMinutes(5));
  }
}
