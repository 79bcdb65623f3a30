package org.hotline.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SynonymTableTest {

  private final SynonymTable table =
      SynonymTable.parse(
          """
          # a comment line
          路灯,街灯 , 路灯杆   # trailing comment
          楼上太吵 => 噪音,扰民
          单一词
          ＡＰＰ,客户端
          """);

  @Test
  void groupsAreSymmetric() {
    assertThat(table.expansionsOf("街灯")).containsExactlyInAnyOrder("路灯", "路灯杆");
    assertThat(table.expansionsOf("路灯杆")).containsExactlyInAnyOrder("路灯", "街灯");
  }

  @Test
  void arrowRulesGoOneWay() {
    assertThat(table.expansionsOf("楼上太吵")).containsExactly("噪音", "扰民");
    assertThat(table.expansionsOf("噪音")).isEmpty();
  }

  @Test
  void singleTermLinesAndCommentsAreIgnoredAndFullWidthIsNormalised() {
    assertThat(table.size()).isEqualTo(3);
    assertThat(table.expansionsOf("单一词")).isEmpty();
    assertThat(table.expansionsOf("app")).containsExactly("客户端");
  }

  @Test
  void findPrefersTheLongestTermWithoutOverlap() {
    assertThat(table.find("我家门口路灯杆倒了，街灯不亮"))
        .extracting(SynonymTable.Match::term)
        .containsExactly("路灯杆", "街灯");
  }
}
