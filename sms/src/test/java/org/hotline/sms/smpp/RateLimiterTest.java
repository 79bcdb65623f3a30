package org.hotline.sms.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong clock = new AtomicLong(1_000_000_000_000L);

  @Test
  void spacesPermitsEvenly() {
    RateLimiter r = new RateLimiter(10, clock::get);
    assertThat(r.reserve()).isZero();
    long waited = 0;
    for (int i = 1; i < 30; i++) {
      waited = r.reserve();
    }
    assertThat(waited).isEqualTo(2_900_000_000L);
  }

  @Test
  void idleTimeGivesAtMostOneSecondOfCredit() {
    RateLimiter r = new RateLimiter(10, clock::get);
    r.reserve();
    clock.addAndGet(60_000_000_000L);
    // one second of credit (10 permits) plus the permit due now
    for (int i = 0; i < 11; i++) {
      assertThat(r.reserve()).isZero();
    }
    assertThat(r.reserve()).isPositive();
  }

  @Test
  void throttlingHalvesTheRateAndItRecovers() {
    RateLimiter r = new RateLimiter(100, clock::get);
    r.slowDown();
    r.slowDown(); // same quarter second: counts once
    assertThat(r.currentRate()).isEqualTo(50.0);
    clock.addAndGet(300_000_000L);
    r.slowDown();
    assertThat(r.currentRate()).isEqualTo(25.0);
    clock.addAndGet(3_000_000_000L);
    r.reserve();
    assertThat(r.currentRate()).isEqualTo(55.0);
    clock.addAndGet(60_000_000_000L);
    r.reserve();
    assertThat(r.currentRate()).isEqualTo(100.0);
  }

  @Test
  void zeroMeansUnlimited() {
    RateLimiter r = new RateLimiter(0, clock::get);
    for (int i = 0; i < 1000; i++) {
      assertThat(r.reserve()).isZero();
    }
    r.slowDown();
    assertThat(r.currentRate()).isZero();
  }

  @Test
  void neverBelowOneTwentiethOfTheCeilingOrOnePerSecond() {
    RateLimiter r = new RateLimiter(4, clock::get);
    RateLimiter big = new RateLimiter(1000, clock::get);
    for (int i = 0; i < 20; i++) {
      r.slowDown();
      big.slowDown();
      clock.addAndGet(300_000_000L);
    }
    assertThat(r.currentRate()).isEqualTo(1.0);
    assertThat(big.currentRate()).isEqualTo(50.0);
  }
}
