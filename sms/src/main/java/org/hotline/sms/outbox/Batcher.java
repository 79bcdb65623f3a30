package org.hotline.sms.outbox;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Groups items into batches written by one flush at a time, so many small writes share one
 * transaction. {@link #add} may be called from any thread; the returned future completes (on the
 * context) when the item's batch has been written, or fails with the flush error.
 */
public final class Batcher<T> {

  private record Item<T>(T value, CompletableFuture<Void> done) {}

  private final Context context;
  private final int maxBatch;
  private final Function<List<T>, Future<?>> flush;
  private List<Item<T>> buffer = new ArrayList<>();
  private boolean flushing;

  public Batcher(Context context, int maxBatch, Function<List<T>, Future<?>> flush) {
    this.context = context;
    this.maxBatch = maxBatch;
    this.flush = flush;
  }

  public CompletableFuture<Void> add(T value) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          buffer.add(new Item<>(value, done));
          drain();
        });
    return done;
  }

  private void drain() {
    if (flushing || buffer.isEmpty()) {
      return;
    }
    List<Item<T>> batch;
    if (buffer.size() <= maxBatch) {
      batch = buffer;
      buffer = new ArrayList<>();
    } else {
      batch = new ArrayList<>(buffer.subList(0, maxBatch));
      buffer = new ArrayList<>(buffer.subList(maxBatch, buffer.size()));
    }
    flushing = true;
    List<T> values = batch.stream().map(Item::value).toList();
    Future<?> f;
    try {
      f = flush.apply(values);
    } catch (RuntimeException e) {
      f = Future.failedFuture(e);
    }
    f.onComplete(
        ar -> {
          flushing = false;
          for (Item<T> item : batch) {
            if (ar.succeeded()) {
              item.done().complete(null);
            } else {
              item.done().completeExceptionally(ar.cause());
            }
          }
          drain();
        });
  }
}
