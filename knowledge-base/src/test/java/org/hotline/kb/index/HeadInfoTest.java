package org.hotline.kb.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Heads survive their doc-values encoding and answer pinyin/initials questions by whole word. */
class HeadInfoTest {

  @Test
  void encodeDecodeKeepsTheAnalysis() {
    HeadInfo h = HeadInfo.of("住房公积金租房提取", "公积金，租房");
    HeadInfo back = HeadInfo.decode(h.encode());
    assertThat(back).isEqualTo(h);
    assertThat(back.hasPinyin("gong_ji")).isTrue();
    assertThat(back.hasPinyin("zu_fang")).isTrue();
    assertThat(back.hasInitials("gjj")).isTrue();
  }

  @Test
  void onlyWholeWordsCount() {
    assertThat(HeadInfo.containsWord("ji_jin gong_ji", "ji_jin")).isTrue();
    assertThat(HeadInfo.containsWord("ji_jin gong_ji", "gong_ji")).isTrue();
    assertThat(HeadInfo.containsWord("ji_jin gong_ji", "ong_ji")).isFalse();
    assertThat(HeadInfo.containsWord("ji_jin gong_ji", "ji_ji")).isFalse();
    assertThat(HeadInfo.containsWord("zfgjj gjj", "gj")).isFalse();
    assertThat(HeadInfo.containsWord("", "gj")).isFalse();
  }
}
