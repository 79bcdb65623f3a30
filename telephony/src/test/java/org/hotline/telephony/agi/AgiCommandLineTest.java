package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgiCommandLineTest {
  @Test
  void quotesLikeTheRecordedPeer() {
    assertThat(AgiCommandLine.quoted("")).isEqualTo("\"\"");
    assertThat(AgiCommandLine.word("zh")).isEqualTo("zh");
    assertThat(AgiCommandLine.word("HL-2024-000123 with spaces"))
        .isEqualTo("\"HL-2024-000123 with spaces\"");
    assertThat(AgiCommandLine.word("")).isEqualTo("\"\"");
  }

  @Test
  void lineBreaksCannotInjectCommands() {
    assertThat(AgiCommandLine.word("x\nHANGUP")).isEqualTo("\"x HANGUP\"");
    assertThat(AgiCommandLine.quoted("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
  }
}
