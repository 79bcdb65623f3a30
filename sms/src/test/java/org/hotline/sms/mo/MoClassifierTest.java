package org.hotline.sms.mo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoClassifierTest {

  private final MoClassifier classifier = new MoClassifier();

  @ParameterizedTest
  @CsvSource({"1,1", "2,2", "3,3", "满意,1", "基本满意,2", "不满意,3", "' 1 ',1", "１,1", "满意。,1"})
  void surveyReplies(String text, int score) {
    assertThat(classifier.classify(text, false))
        .isEqualTo(new MoClassification(MoKind.SURVEY_REPLY, null, score));
  }

  @ParameterizedTest
  @CsvSource({
    "CX 20240001,20240001",
    "cx20240001,20240001",
    "查询 2024-000123,2024-000123",
    "查询：2024-000123,2024-000123",
    "ＣＸ　１２３４５,12345"
  })
  void statusQueries(String text, String order) {
    assertThat(classifier.classify(text, false))
        .isEqualTo(new MoClassification(MoKind.STATUS_QUERY, order, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"TD", "td", "退订", " TD ", "退订！"})
  void optOut(String text) {
    assertThat(classifier.classify(text, false).kind()).isEqualTo(MoKind.OPT_OUT);
  }

  @Test
  void unusableContentGetsHelp() {
    assertThat(classifier.classify("", false).kind()).isEqualTo(MoKind.HELP);
    assertThat(classifier.classify("   ", false).kind()).isEqualTo(MoKind.HELP);
    assertThat(classifier.classify(null, false).kind()).isEqualTo(MoKind.HELP);
    assertThat(classifier.classify("whatever", true).kind()).isEqualTo(MoKind.HELP);
    assertThat(classifier.classify("噪".repeat(501), false).kind()).isEqualTo(MoKind.HELP);
    assertThat(classifier.classify("abc\u0000\u0001", false).kind()).isEqualTo(MoKind.HELP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"楼上太吵了，晚上十二点还在装修", "4", "CX", "我要查询公积金", "TD一下", "12", "满意度调查是什么"})
  void everythingElseIsANewRequest(String text) {
    assertThat(classifier.classify(text, false).kind()).isEqualTo(MoKind.NEW_REQUEST);
  }

  @Test
  void fiveHundredCharactersAreStillARequest() {
    assertThat(classifier.classify("路".repeat(500), false).kind()).isEqualTo(MoKind.NEW_REQUEST);
  }
}
