package org.hotline.kb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SearchPoolTest {

  @Test
  void neverRunsMoreSearchesThanItHasThreadsAndRunsThemAll() throws Exception {
    try (SearchPool pool = new SearchPool(2)) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger most = new AtomicInteger();
      List<CompletableFuture<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        results.add(
            pool.submit(
                () -> {
                  most.accumulateAndGet(running.incrementAndGet(), Math::max);
                  try {
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  running.decrementAndGet();
                  return n;
                }));
      }
      for (int i = 0; i < 12; i++) {
        assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
      }
      assertThat(most.get()).isEqualTo(2);
    }
  }

  @Test
  void aSearchAskedForFromASearchThreadRunsInlineInsteadOfDeadlocking() throws Exception {
    try (SearchPool pool = new SearchPool(1)) {
      CompletableFuture<String> outer =
          pool.submit(() -> pool.run(() -> Thread.currentThread().getName()));
      assertThat(outer.get(10, TimeUnit.SECONDS)).startsWith("kb-search-");
    }
  }

  @Test
  void theSearchsOwnFailureReachesTheCaller() {
    try (SearchPool pool = new SearchPool(1)) {
      assertThatThrownBy(
              () ->
                  pool.run(
                      () -> {
                        throw new IOException("index gone");
                      }))
          .isInstanceOf(IOException.class)
          .hasMessage("index gone");
    }
  }

  @Test
  void anOverloadedPoolFailsFastInsteadOfQueueingWithoutBound() throws Exception {
    try (SearchPool pool = new SearchPool(1)) {
      CountDownLatch release = new CountDownLatch(1);
      pool.submit(
          () -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return 0;
          });
      // Wait until the blocker holds the only thread, so every later search queues.
      while (pool.submit(() -> 0).isDone()) {
        Thread.onSpinWait();
      }
      List<CompletableFuture<Integer>> queued = new ArrayList<>();
      for (int i = 0; i < SearchPool.QUEUE + 10; i++) {
        queued.add(pool.submit(() -> 1));
      }
      CompletableFuture<Integer> last = queued.get(queued.size() - 1);
      assertThat(last).isCompletedExceptionally();
      assertThatThrownBy(last::get)
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(IOException.class)
          .hasMessageContaining("too many knowledge-base searches waiting");
      release.countDown();
    }
  }

  @Test
  void aClosedPoolRefusesWithAClearError() {
    SearchPool pool = new SearchPool(1);
    pool.close();
    assertThatThrownBy(() -> pool.run(() -> 1))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("closed");
  }
}
