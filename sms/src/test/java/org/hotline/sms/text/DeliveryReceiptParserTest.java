package org.hotline.sms.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryReceiptParserTest {

  @Test
  void parsesTheStandardFormat() {
    var r =
        DeliveryReceiptParser.parse(
                "id:0123456789 sub:001 dlvrd:001 submit date:2601011200 done date:2601011201"
                    + " stat:DELIVRD err:000 text:您的工单已受理")
            .orElseThrow();
    assertThat(r.messageId()).isEqualTo("0123456789");
    assertThat(r.submitted()).isEqualTo(1);
    assertThat(r.delivered()).isEqualTo(1);
    assertThat(r.submitDate()).isEqualTo("2601011200");
    assertThat(r.doneDate()).isEqualTo("2601011201");
    assertThat(r.isDelivered()).isTrue();
    assertThat(r.isFinal()).isTrue();
    assertThat(r.text()).isEqualTo("您的工单已受理");
  }

  @Test
  void recognisesFailuresAndIntermediateStates() {
    assertThat(parse("id:a1 stat:UNDELIV err:001").isDelivered()).isFalse();
    assertThat(parse("id:a1 stat:UNDELIV err:001").error()).isEqualTo("001");
    assertThat(parse("id:a1 stat:EXPIRED").status()).isEqualTo("EXPIRED");
    assertThat(parse("id:a1 stat:REJECTD").isFinal()).isTrue();
    assertThat(parse("id:a1 stat:ENROUTE").isFinal()).isFalse();
    assertThat(parse("id:a1 stat:ACCEPTD").isFinal()).isFalse();
  }

  @Test
  void isLenientAboutCaseAndMissingFields() {
    DeliveryReceipt r = parse("ID:AbC sub:1 Stat:delivrd");
    assertThat(r.messageId()).isEqualTo("AbC");
    assertThat(r.status()).isEqualTo("DELIVRD");
    assertThat(r.delivered()).isZero();
    assertThat(r.error()).isEqualTo("000");
  }

  @Test
  void rejectsTextWithoutIdOrStat() {
    assertThat(DeliveryReceiptParser.parse("hello")).isEmpty();
    assertThat(DeliveryReceiptParser.parse("id:1 sub:001")).isEmpty();
    assertThat(DeliveryReceiptParser.parse(null)).isEmpty();
  }

  @Test
  void formatThenParseRoundTrips() {
    var r = new DeliveryReceipt("7f", 1, 1, "2601011200", "2601011200", "DELIVRD", "000", "");
    assertThat(DeliveryReceiptParser.parse(DeliveryReceiptParser.format(r))).contains(r);
  }

  private static DeliveryReceipt parse(String s) {
    return DeliveryReceiptParser.parse(s).orElseThrow();
  }
}
