package org.hotline.kb.search;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs searches on a fixed number of threads (by default one per core), the rest waiting in a FIFO
 * queue.
 *
 * <p>Why: a search is pure CPU work of about a millisecond. When more searches run than there are
 * cores, the operating system time-slices them: most finish at once, but every search that loses
 * its slice waits for the slices of all the others (several milliseconds each), and that is the
 * tail agents feel. Queued instead, each search runs to the end without interruption and waits only
 * for the searches ahead of it. Measured with {@code scripts/bench kb} (BENCHMARKS.md): at 8
 * concurrent searches on 2 cores, p99 fell from ≈ 25 ms to a few milliseconds at the same CPU cost.
 *
 * <p>The queue is bounded: beyond {@link #QUEUE} waiting searches the platform is overloaded and a
 * search fails fast with an {@link IOException} instead of piling up. Thread-safe.
 */
public final class SearchPool implements AutoCloseable {

  /** Most searches waiting for a thread. */
  static final int QUEUE = 1024;

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ThreadPoolExecutor executor;

  /** A pool with one thread per available core. */
  public SearchPool() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A pool of {@code threads} search threads (daemons: they never keep the JVM alive). */
  public SearchPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    int pool = POOLS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "kb-search-" + pool + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Number of search threads. */
  public int threads() {
    return executor.getMaximumPoolSize();
  }

  /** Work whose result the caller does not wait for on this thread. */
  @FunctionalInterface
  public interface Work<T> {
    /** Does the work. */
    T run() throws IOException;
  }

  /**
   * Runs {@code work} on a search thread; the future fails with the work's {@link IOException}, or
   * with one saying the pool is overloaded or closed.
   */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              result.complete(work.run());
            } catch (Throwable e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          new IOException(
              executor.isShutdown()
                  ? "the knowledge-base search pool is closed"
                  : "too many knowledge-base searches waiting (" + QUEUE + "); try again",
              e));
    }
    return result;
  }

  /** Runs {@code work} on a search thread and waits for it (inline when already on one). */
  public <T> T run(Work<T> work) throws IOException {
    if (Thread.currentThread().getName().startsWith("kb-search-")) {
      return work.run();
    }
    try {
      return submit(work).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a knowledge-base search", e);
    }
  }

  /** Lets queued searches finish and stops the threads. */
  @Override
  public void close() {
    executor.shutdown();
  }
}
