package org.hotline.sms.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gsm7AlphabetTest {

  @Test
  void asciiLettersDigitsAndPunctuationAreEncodable() {
    assertThat(Gsm7Alphabet.canEncode("Hello, World! 0123456789 @$_?")).isTrue();
    assertThat(SmsEncoding.choose("Order 2024-000123 received.")).isEqualTo(SmsEncoding.GSM7);
  }

  @Test
  void chineseEmojiAndBacktickAreNot() {
    assertThat(Gsm7Alphabet.canEncode("受理")).isFalse();
    assertThat(Gsm7Alphabet.canEncode("ok 😀")).isFalse();
    assertThat(Gsm7Alphabet.canEncode("`")).isFalse();
    assertThat(SmsEncoding.choose("`")).isEqualTo(SmsEncoding.UCS2);
  }

  @Test
  void encodesBasicAndExtensionCharacters() {
    assertThat(Gsm7Alphabet.encode("@A")).containsExactly(0x00, 0x41);
    assertThat(Gsm7Alphabet.encode("€")).containsExactly(0x1B, 0x65);
    assertThat(Gsm7Alphabet.septetCount("[x]")).isEqualTo(5);
  }

  @Test
  void roundTripsEveryEncodableText() {
    String text = "£¥èé ÄÖÑÜ§ äöñüà {}[]~\\|^€ Δ_ΦΓ";
    byte[] septets = Gsm7Alphabet.encode(text);
    assertThat(Gsm7Alphabet.decode(septets, 0, septets.length)).isEqualTo(text);
  }

  @Test
  void refusesToEncodeTheUnencodable() {
    assertThatThrownBy(() -> Gsm7Alphabet.encode("中")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Gsm7Alphabet.septetCount("\u001B"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
