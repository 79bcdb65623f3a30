package org.hotline.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutboundSmsTest {

  @Test
  void validatesNumberTextAndKey() {
    assertThatThrownBy(() -> OutboundSms.of("abc", "x", SmsKind.RECEIPT, null, "k"))
        .hasMessageStartingWith("number");
    assertThatThrownBy(() -> OutboundSms.of("13800000000", " ", SmsKind.RECEIPT, null, "k"))
        .hasMessageStartingWith("text");
    assertThatThrownBy(() -> OutboundSms.of("13800000000", "x", SmsKind.RECEIPT, null, ""))
        .hasMessageStartingWith("dedupeKey");
    assertThat(OutboundSms.of("+8613800000000", "x", SmsKind.RECEIPT, null, "k").urgent())
        .isFalse();
  }

  @Test
  void kindsCarryTheirPolicies() {
    assertThat(SmsKind.SURVEY.essential()).isFalse();
    assertThat(SmsKind.RECEIPT.essential()).isTrue();
    assertThat(SmsKind.DISPATCH_NOTICE.deferrable()).isTrue();
    assertThat(SmsKind.STATUS_REPLY.deferrable()).isFalse();
    assertThat(SmsKind.fromCode("dispatch_notice")).isEqualTo(SmsKind.DISPATCH_NOTICE);
    assertThat(SmsKind.OPT_OUT_CONFIRM.code()).isEqualTo("opt_out_confirm");
  }
}
