package org.hotline.sms.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hotline.sms.text.SmsEncoding;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {

  private final SmsTemplates templates = new SmsTemplates();

  @Test
  void receiptQuotesTheOrderNumber() {
    String text = templates.render("receipt", Map.of("orderNumber", "2026-000123"));
    assertThat(text).contains("已受理").contains("2026-000123").contains("CX 2026-000123");
  }

  @Test
  void surveyAsksForOneTwoThree() {
    assertThat(templates.render("survey", Map.of("orderNumber", "A1")))
        .contains("回复1满意 2基本满意 3不满意");
  }

  @Test
  void everyShippedTemplateRendersWithATypicalModel() {
    Map<String, Object> model =
        Map.of(
            "orderNumber", 20260001L,
            "category", "市政设施",
            "signDeadline", "3月2日 12:00",
            "deadline", "3月9日 18:00",
            "result", "路灯已修复。",
            "state", "办理中");
    for (String name : SmsTemplates.NAMES) {
      SmsTemplates.Preview p = templates.preview(name, model);
      assertThat(p.text()).startsWith("【12345热线】");
      assertThat(p.cost().encoding()).isEqualTo(SmsEncoding.UCS2);
      assertThat(p.cost().segments()).isBetween(1, 3);
    }
    // numbers are not grouped ("20,260,001")
    assertThat(templates.render("receipt", model)).contains("20260001");
  }

  @Test
  void optionalFieldsMayBeAbsent() {
    String text = templates.render("status_reply", Map.of("orderNumber", "A1", "state", "已办结"));
    assertThat(text).isEqualTo("【12345热线】工单A1当前状态：已办结。");
  }

  @Test
  void previewCountsSegmentsOfALongResult() {
    var p = templates.preview("result", Map.of("orderNumber", "A1", "result", "经核实，".repeat(30)));
    assertThat(p.cost().segments()).isEqualTo(3);
  }

  @Test
  void administratorEditsOverrideAndCanBeReset() {
    templates.override("thanks", "谢谢${name}！");
    assertThat(templates.render("thanks", Map.of("name", "张先生"))).isEqualTo("谢谢张先生！");
    templates.reset("thanks");
    assertThat(templates.render("thanks", Map.of())).contains("感谢您的评价");
  }

  @Test
  void errorsAreIllegalArguments() {
    assertThatThrownBy(() -> templates.render("nope", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> templates.render("receipt", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderNumber");
    assertThatThrownBy(() -> templates.override("thanks", "${"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(templates.previewSource("Hi ${n}", Map.of("n", "x")).text()).isEqualTo("Hi x");
  }
}
