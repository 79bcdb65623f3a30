package org.hotline.ticketing.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.callback.CallbackPlan.Kind;
import org.hotline.ticketing.callback.CallbackPlan.Progress;
import org.hotline.ticketing.callback.CallbackPlan.Step;
import org.junit.jupiter.api.Test;

/** The order of the loop's steps, with the default settings (3 calls 30 minutes apart, 09–20). */
class CallbackPlanTest {

  static final ZonedDateTime ACCEPTED =
      LocalDateTime.of(2026, 12, 2, 10, 0).atZone(WorkingCalendar.SHANGHAI);
  final CallbackPlan plan = new CallbackPlan(CallbackSettings.defaults());

  static Progress progress(int calls, ZonedDateTime lastCall, ZonedDateTime sms) {
    return new Progress(ACCEPTED, calls, lastCall, sms, true, true);
  }

  @Test
  void theFirstCallWaitsForTheFirstDelayThenGoesOut() {
    Step s = plan.next(progress(0, null, null), ACCEPTED.plusMinutes(5));
    assertThat(s.kind()).isEqualTo(Kind.WAIT);
    assertThat(s.until()).isEqualTo(ACCEPTED.plusMinutes(10));
    assertThat(plan.next(progress(0, null, null), ACCEPTED.plusMinutes(10)))
        .isEqualTo(new Step(Kind.CALL, null, 1));
  }

  @Test
  void callsAreSpacedAndCountedThenTheSmsSurveyThenUnreachable() {
    ZonedDateTime t = ACCEPTED.plusMinutes(10);
    assertThat(plan.next(progress(1, t, null), t.plusMinutes(29)))
        .isEqualTo(new Step(Kind.WAIT, t.plusMinutes(30), 0));
    assertThat(plan.next(progress(1, t, null), t.plusMinutes(30)))
        .isEqualTo(new Step(Kind.CALL, null, 2));
    assertThat(plan.next(progress(3, t.plusMinutes(60), null), t.plusMinutes(89)).kind())
        .isEqualTo(Kind.WAIT);
    assertThat(plan.next(progress(3, t.plusMinutes(60), null), t.plusMinutes(90)).kind())
        .isEqualTo(Kind.SMS);
    ZonedDateTime sms = t.plusMinutes(90);
    assertThat(plan.next(progress(3, t.plusMinutes(60), sms), sms.plusHours(23)))
        .isEqualTo(new Step(Kind.WAIT, sms.plusHours(24), 0));
    assertThat(plan.next(progress(3, t.plusMinutes(60), sms), sms.plusHours(24)).kind())
        .isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void nobodyIsCalledOrTextedOutsideTheAllowedHours() {
    ZonedDateTime evening = ACCEPTED.with(LocalTime.of(20, 0));
    Step s = plan.next(progress(1, evening.minusHours(1), null), evening);
    assertThat(s.kind()).isEqualTo(Kind.WAIT);
    assertThat(s.until()).isEqualTo(ACCEPTED.plusDays(1).with(LocalTime.of(9, 0)));
    ZonedDateTime early = ACCEPTED.plusDays(1).with(LocalTime.of(7, 30));
    assertThat(plan.next(progress(3, early.minusHours(12), null), early).until())
        .isEqualTo(early.with(LocalTime.of(9, 0)));
    // Giving up contacts nobody: it may happen at night.
    ZonedDateTime sms = ACCEPTED.plusMinutes(90);
    assertThat(plan.next(progress(3, sms, sms), sms.plusDays(1).with(LocalTime.of(23, 0))).kind())
        .isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void aLandlineGetsNoSmsAndNoNumberMeansUnreachableAtOnce() {
    ZonedDateTime t = ACCEPTED.plusMinutes(70);
    Progress landline = new Progress(ACCEPTED, 3, t, null, true, false);
    assertThat(plan.next(landline, t.plusMinutes(29)).kind()).isEqualTo(Kind.WAIT);
    assertThat(plan.next(landline, t.plusMinutes(30)).kind()).isEqualTo(Kind.UNREACHABLE);
    Progress none = new Progress(ACCEPTED, 0, null, null, false, false);
    assertThat(plan.next(none, ACCEPTED).kind()).isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void noCallsConfiguredMeansTheSmsSurveyFirst() {
    CallbackSettings smsOnly =
        CallbackSettings.fromJson(
            new JsonObject().put("callAttempts", 0).put("firstDelayMinutes", 0));
    assertThat(new CallbackPlan(smsOnly).next(progress(0, null, null), ACCEPTED).kind())
        .isEqualTo(Kind.SMS);
  }

  @Test
  void settingsAreReadWithDefaultsAndBadValuesNameTheirField() {
    CallbackSettings s =
        CallbackSettings.fromJson(
            new JsonObject().put("callAttempts", 2).put("allowedHours", "08:30-21:00"));
    assertThat(s.callAttempts()).isEqualTo(2);
    assertThat(s.allowedFrom()).isEqualTo(LocalTime.of(8, 30));
    assertThat(s.callSpacing()).isEqualTo(Duration.ofMinutes(30));
    assertThat(CallbackSettings.fromJson(s.toJson())).isEqualTo(s);
    assertThatThrownBy(() -> CallbackSettings.fromJson(new JsonObject().put("callAttempts", 11)))
        .hasMessageContaining("callAttempts");
    assertThatThrownBy(
            () -> CallbackSettings.fromJson(new JsonObject().put("allowedHours", "20:00-09:00")))
        .hasMessageContaining("allowedHours");
    assertThatThrownBy(() -> CallbackSettings.fromJson(new JsonObject().put("smsSurvey", "yes")))
        .hasMessageContaining("smsSurvey");
    assertThatThrownBy(
            () -> CallbackSettings.fromJson(new JsonObject().put("callSpacingMinutes", 0)))
        .hasMessageContaining("callSpacingMinutes");
  }
}
