package org.hotline.sms.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UdhTest {

  @Test
  void parsesEightBitAndSixteenBitConcat() {
    assertThat(Udh.parse(new byte[] {5, 0, 3, 9, 2, 1, 'x'}))
        .contains(new Udh.ConcatInfo(9, 2, 1, 6));
    assertThat(Udh.parse(new byte[] {6, 8, 4, 1, 2, 3, 3, 'x'}))
        .contains(new Udh.ConcatInfo(258, 3, 3, 7));
  }

  @Test
  void headerWithoutConcatIsOnePart() {
    assertThat(Udh.parse(new byte[] {3, 0x24, 1, 0, 'x'})).contains(new Udh.ConcatInfo(0, 1, 1, 4));
  }

  @Test
  void malformedHeadersAreRejected() {
    assertThat(Udh.parse(new byte[] {9, 0, 3})).isEmpty();
    assertThat(Udh.parse(new byte[] {5, 0, 3, 9, 2, 3})).isEmpty();
    assertThat(Udh.parse(new byte[0])).isEmpty();
  }

  @Test
  void malformedHeaderDecodesAsBinary() {
    DecodedPart p = DecodedPart.decode((byte) 8, true, new byte[] {9, 0});
    assertThat(p.binary()).isTrue();
    assertThat(DecodedPart.decode((byte) 4, false, new byte[] {1, 2}).binary()).isTrue();
  }
}
