package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgiReplyTest {
  @Test
  void plainResult() {
    AgiReply reply = AgiReply.parse("200 result=0");
    assertThat(reply.isSuccess()).isTrue();
    assertThat(reply.resultAsInt(9)).isZero();
    assertThat(reply.data()).isNull();
    assertThat(reply.extras()).isEmpty();
  }

  @Test
  void valueInParenthesesMayHoldSpacesAndParentheses() {
    assertThat(AgiReply.parse("200 result=1 (HL-2024-000123 with spaces)").data())
        .isEqualTo("HL-2024-000123 with spaces");
    assertThat(AgiReply.parse("200 result=1 (a (b) c)").data()).isEqualTo("a (b) c");
    assertThat(AgiReply.parse("200 result=1 (13800138000|zh|1795888827.17)").data())
        .isEqualTo("13800138000|zh|1795888827.17");
  }

  @Test
  void timeoutWithEmptyResult() {
    AgiReply reply = AgiReply.parse("200 result= (timeout)");
    assertThat(reply.result()).isEmpty();
    assertThat(reply.isTimeout()).isTrue();
    assertThat(reply.resultAsInt(-7)).isEqualTo(-7);
  }

  @Test
  void partialDigitsWithTimeout() {
    AgiReply reply = AgiReply.parse("200 result=123 (timeout)");
    assertThat(reply.result()).isEqualTo("123");
    assertThat(reply.isTimeout()).isTrue();
  }

  @Test
  void interruptedPromptWithEndpos() {
    AgiReply reply = AgiReply.parse("200 result=-1 endpos=20000");
    assertThat(reply.resultAsInt(0)).isEqualTo(-1);
    assertThat(reply.endpos()).hasValue(20000);
    assertThat(reply.data()).isNull();
  }

  @Test
  void keyThatInterruptedAPrompt() {
    AgiReply reply = AgiReply.parse("200 result=50 endpos=4000");
    assertThat(reply.digit()).isEqualTo('2');
  }

  @Test
  void recordingWithReasonAndEndpos() {
    AgiReply dtmf = AgiReply.parse("200 result=35 (dtmf) endpos=48000");
    assertThat(dtmf.digit()).isEqualTo('#');
    assertThat(dtmf.data()).isEqualTo("dtmf");
    assertThat(dtmf.endpos()).hasValue(48000);
    AgiReply hangup = AgiReply.parse("200 result=-1 (hangup) endpos=8000");
    assertThat(hangup.data()).isEqualTo("hangup");
    assertThat(hangup.endpos()).hasValue(8000);
  }

  @Test
  void errorCodes() {
    AgiReply dead =
        AgiReply.parse("511 Command Not Permitted on a dead channel or intercept routine");
    assertThat(dead.code()).isEqualTo(511);
    assertThat(dead.isSuccess()).isFalse();
    assertThat(dead.text()).startsWith("Command Not Permitted");
    assertThat(AgiReply.parse("510 Invalid or unknown command").code()).isEqualTo(510);
    AgiReply usage =
        AgiReply.parse(
            "520 End of proper usage.",
            List.of("Invalid command syntax.  Proper usage follows:", " Usage: GET DATA"));
    assertThat(usage.code()).isEqualTo(520);
    assertThat(usage.usage()).hasSize(2);
  }

  @Test
  void notAReply() {
    assertThat(AgiReply.isStatusLine("HANGUP")).isFalse();
    assertThat(AgiReply.isStatusLine("20x result=1")).isFalse();
    assertThat(AgiReply.isStatusLine("520-Invalid")).isTrue();
    assertThatThrownBy(() -> AgiReply.parse("garbage"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
