package org.hotline.sms.outbox;

import io.vertx.core.Context;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.CompletableFuture;
import org.hotline.sms.text.DeliveryReceipt;

/**
 * Stores delivery receipts in batches (one statement per batch) before they are acknowledged to the
 * SMSC. The {@link OutboxSender} applies them to segments and messages a moment later and publishes
 * {@link org.hotline.sms.SmsAddresses#MT_STATUS}. Intermediate receipts (ENROUTE, ACCEPTD) are
 * ignored. {@link #record} may be called from any thread.
 */
public final class ReceiptRecorder {

  private final Batcher<DeliveryReceipt> batcher;

  public ReceiptRecorder(Context context, Pool pool) {
    OutboxRepository repo = new OutboxRepository(pool);
    this.batcher = new Batcher<>(context, 1000, repo::storeReceipts);
  }

  /** Completes once the receipt is committed. */
  public CompletableFuture<Void> record(DeliveryReceipt receipt) {
    if (!receipt.isFinal()) {
      return CompletableFuture.completedFuture(null);
    }
    return batcher.add(receipt);
  }
}
