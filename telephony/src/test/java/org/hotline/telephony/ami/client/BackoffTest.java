package org.hotline.telephony.ami.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void doublesUpToTheCapAndResets() {
    Backoff b = new Backoff(500, 3000);
    assertThat(b.next()).isEqualTo(500);
    assertThat(b.next()).isEqualTo(1000);
    assertThat(b.next()).isEqualTo(2000);
    assertThat(b.next()).isEqualTo(3000);
    assertThat(b.next()).isEqualTo(3000);
    b.reset();
    assertThat(b.next()).isEqualTo(500);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Backoff(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(100, 10)).isInstanceOf(IllegalArgumentException.class);
  }
}
