package org.hotline.ticketing.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every text exists in both languages, so the English portal never shows a Chinese leftover. */
class MessagesTest {

  @Test
  void chineseAndEnglishHaveTheSameKeys() {
    var zh = Messages.raw("zh_CN");
    var en = Messages.raw("en");
    assertThat(zh).isNotEmpty();
    assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
  }

  @Test
  void englishIsChosenOnlyOnRequestAndFallsBackToChinese() {
    Messages m = new Messages();
    assertThat(m.texts(Messages.ZH).get("nav.logout")).isEqualTo("退出");
    assertThat(m.texts(Locale.ENGLISH).get("nav.logout")).isEqualTo("Log out");
    assertThat(Messages.tag(Messages.ZH)).isEqualTo("zh-CN");
  }
}
