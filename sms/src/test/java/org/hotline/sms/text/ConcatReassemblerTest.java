package org.hotline.sms.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConcatReassemblerTest {

  private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
  private final ConcatReassembler r = new ConcatReassembler(Duration.ofSeconds(60));

  @Test
  void singlePartPassesThrough() {
    assertThat(r.offer("138", 0, 1, 1, "你好", t0)).contains("你好");
  }

  @Test
  void partsOutOfOrderJoinInSequence() {
    assertThat(r.offer("138", 9, 3, 3, "C", t0)).isEmpty();
    assertThat(r.offer("138", 9, 3, 1, "A", t0)).isEmpty();
    assertThat(r.pendingCount()).isEqualTo(1);
    assertThat(r.offer("138", 9, 3, 2, "B", t0)).contains("ABC");
    assertThat(r.pendingCount()).isZero();
  }

  @Test
  void duplicatePartsAreIgnored() {
    r.offer("138", 1, 2, 1, "A", t0);
    assertThat(r.offer("138", 1, 2, 1, "A", t0)).isEmpty();
    assertThat(r.offer("138", 1, 2, 2, "B", t0)).contains("AB");
  }

  @Test
  void sendersAndReferencesDoNotMix() {
    r.offer("138", 1, 2, 1, "A", t0);
    r.offer("139", 1, 2, 2, "y", t0);
    r.offer("138", 2, 2, 2, "z", t0);
    assertThat(r.offer("138", 1, 2, 2, "B", t0)).contains("AB");
    assertThat(r.pendingCount()).isEqualTo(2);
  }

  @Test
  void incompleteMessagesExpireWithMissingPartsMarked() {
    r.offer("138", 4, 3, 1, "A", t0);
    r.offer("138", 4, 3, 3, "C", t0);
    assertThat(r.expire(t0.plusSeconds(59))).isEmpty();
    var expired = r.expire(t0.plusSeconds(60));
    assertThat(expired).containsExactly(new ConcatReassembler.Incomplete("138", "A…C", 2, 3));
    assertThat(r.pendingCount()).isZero();
  }
}
