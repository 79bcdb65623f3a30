package org.hotline.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

  private static String repeat(String s, int n) {
    return s.repeat(n);
  }

  private static String join(EncodedMessage m) {
    return String.join("", m.segments().stream().map(Segment::text).toList());
  }

  @Test
  void plainAsciiIsGsm7AndFits160InOneMessage() {
    String text = repeat("a", 160);
    EncodedMessage m = Segmenter.split(text, 7);
    assertThat(m.encoding()).isEqualTo(SmsEncoding.GSM7);
    assertThat(m.segments()).hasSize(1);
    assertThat(m.segments().get(0).hasUdh()).isFalse();
    assertThat(m.segments().get(0).payload()).hasSize(160);
  }

  @Test
  void gsm7Over160SplitsInto153SeptetSegmentsWithUdh() {
    String text = repeat("b", 161);
    EncodedMessage m = Segmenter.split(text, 0x2A);
    assertThat(m.segments()).hasSize(2);
    Segment first = m.segments().get(0);
    assertThat(first.text()).hasSize(153);
    assertThat(first.payload()).hasSize(6 + 153);
    assertThat(first.payload()).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x01);
    assertThat(m.segments().get(1).payload()).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x02);
    assertThat(join(m)).isEqualTo(text);
    assertThat(Segmenter.count(repeat("b", 306))).isEqualTo(2);
    assertThat(Segmenter.count(repeat("b", 307))).isEqualTo(3);
  }

  @Test
  void extensionCharactersCostTwoSeptetsAndAreNeverSplit() {
    assertThat(Segmenter.preview(repeat("{", 80)).segments()).isEqualTo(1);
    assertThat(Segmenter.preview(repeat("{", 81)).segments()).isEqualTo(2);
    // 152 'x' then '€': the escape pair would straddle 153, so it moves to segment 2.
    String text = repeat("x", 152) + "€" + repeat("y", 10);
    EncodedMessage m = Segmenter.split(text, 1);
    assertThat(m.segments().get(0).text()).isEqualTo(repeat("x", 152));
    assertThat(m.segments().get(1).text()).startsWith("€");
    assertThat(join(m)).isEqualTo(text);
  }

  @Test
  void chineseIsUcs2With70InOneAnd67PerSegment() {
    String seventy = repeat("市", 70);
    assertThat(Segmenter.split(seventy, 0).encoding()).isEqualTo(SmsEncoding.UCS2);
    assertThat(Segmenter.split(seventy, 0).segments()).hasSize(1);
    assertThat(Segmenter.split(seventy, 0).segments().get(0).payload()).hasSize(140);
    EncodedMessage m = Segmenter.split(repeat("市", 71), 3);
    assertThat(m.segments()).extracting(s -> s.text().length()).containsExactly(67, 4);
    assertThat(m.segments().get(0).payload()).hasSize(6 + 134);
    assertThat(Segmenter.count(repeat("民", 134))).isEqualTo(2);
    assertThat(Segmenter.count(repeat("民", 135))).isEqualTo(3);
  }

  @Test
  void oneChineseCharacterSwitchesTheWholeMessageToUcs2() {
    SegmentPreview p = Segmenter.preview("Your order 12345 is 已受理");
    assertThat(p.encoding()).isEqualTo(SmsEncoding.UCS2);
    assertThat(p.units()).isEqualTo("Your order 12345 is 已受理".length());
  }

  @Test
  void neverSplitsASurrogatePair() {
    String emoji = "😀"; // two UTF-16 units
    String text = repeat("好", 66) + emoji + repeat("好", 10);
    EncodedMessage m = Segmenter.split(text, 9);
    assertThat(m.segments().get(0).text()).isEqualTo(repeat("好", 66));
    assertThat(m.segments().get(1).text()).startsWith(emoji);
    for (Segment s : m.segments()) {
      String t = s.text();
      assertThat(Character.isHighSurrogate(t.charAt(t.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(t.charAt(0))).isFalse();
    }
    assertThat(join(m)).isEqualTo(text);
  }

  @Test
  void manyEmojisStayWholeInEverySegment() {
    String text = repeat("😀", 100);
    EncodedMessage m = Segmenter.split(text, 0);
    assertThat(m.segments())
        .allSatisfy(
            s ->
                assertThat(s.text().length())
                    .isEqualTo(s.text().codePointCount(0, s.text().length()) * 2));
    assertThat(m.segments().get(0).text()).hasSize(66);
    assertThat(join(m)).isEqualTo(text);
  }

  @Test
  void ucs2BodyIsUtf16BigEndianAfterTheUdh() {
    EncodedMessage m = Segmenter.split(repeat("路灯坏了", 20), 5);
    Segment s = m.segments().get(1);
    String decoded = new String(s.payload(), 6, s.payload().length - 6, StandardCharsets.UTF_16BE);
    assertThat(decoded).isEqualTo(s.text());
  }

  @Test
  void previewCountsSeptetsForGsmText() {
    assertThat(Segmenter.preview("a{b")).isEqualTo(new SegmentPreview(SmsEncoding.GSM7, 1, 4));
  }

  @Test
  void tooLongForTheConcatHeaderIsRefused() {
    assertThatThrownBy(() -> Segmenter.split(repeat("长", 67 * 255 + 1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Segmenter.count(repeat("长", 67 * 255))).isEqualTo(255);
  }

  @Test
  void decodedPartsReassembleToTheOriginal() {
    for (String text : List.of(repeat("网格员", 60), repeat("street light {broken} ", 20))) {
      EncodedMessage m = Segmenter.split(text, 77);
      StringBuilder sb = new StringBuilder();
      for (Segment s : m.segments()) {
        DecodedPart p = DecodedPart.decode(m.encoding().dataCoding(), s.hasUdh(), s.payload());
        assertThat(p.reference()).isEqualTo(77);
        assertThat(p.seq()).isEqualTo(s.seq());
        assertThat(p.total()).isEqualTo(m.segments().size());
        sb.append(p.text());
      }
      assertThat(sb.toString()).isEqualTo(text);
    }
  }
}
