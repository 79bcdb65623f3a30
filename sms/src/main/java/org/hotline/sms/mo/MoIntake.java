package org.hotline.sms.mo;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsAddresses;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.sms.text.ConcatReassembler;
import org.hotline.sms.text.DecodedPart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received MO messages into stored rows and events. Parts are reassembled first; the whole
 * message is classified, stored (direction mo, state received) and only then published on {@link
 * SmsAddresses#MO_RECEIVED}. TD/退订 is recorded here and confirmed; unusable content is answered
 * with help text (both replies enqueued in the same transaction as the MO row). A number over its
 * hourly inbound limit is stored with kind {@code flooded}, neither answered nor published. {@link
 * #onPart} may be called from any thread.
 */
public final class MoIntake {

  private static final Logger log = LoggerFactory.getLogger(MoIntake.class);
  public static final String FLOODED = "flooded";

  private static final String COUNT =
      "INSERT INTO sms_rate_counter (number, direction, window_start, count)"
          + " VALUES ($1, 'mo', date_trunc('hour', now()), 1)"
          + " ON CONFLICT (number, direction, window_start)"
          + " DO UPDATE SET count = sms_rate_counter.count + 1 RETURNING count";
  private static final String INSERT =
      "INSERT INTO sms_message (direction, number, text, segments, state, kind)"
          + " VALUES ('mo', $1, $2, $3, 'received', $4) RETURNING id, created_at";
  private static final String OPT_OUT =
      "INSERT INTO sms_opt_out (number, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

  private final Context context;
  private final Pool pool;
  private final SmsOutbox outbox;
  private final SmsTemplates templates;
  private final MoClassifier classifier;
  private final ConcatReassembler reassembler;
  private final int perNumberPerHour;

  public MoIntake(
      Context context,
      Pool pool,
      SmsOutbox outbox,
      SmsTemplates templates,
      MoClassifier classifier,
      ConcatReassembler reassembler,
      int perNumberPerHour) {
    this.context = context;
    this.pool = pool;
    this.outbox = outbox;
    this.templates = templates;
    this.classifier = classifier;
    this.reassembler = reassembler;
    this.perNumberPerHour = perNumberPerHour;
  }

  /** Takes one part; completes once the message it completes (if any) is committed. */
  public CompletableFuture<Void> onPart(String from, DecodedPart part) {
    if (part.binary()) {
      return onContext(() -> receive(from, "", true, 1));
    }
    var whole =
        reassembler.offer(
            from, part.reference(), part.total(), part.seq(), part.text(), Instant.now());
    if (whole.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return onContext(() -> receive(from, whole.get(), false, part.total()));
  }

  /** Releases incomplete concatenated messages that timed out (call periodically). */
  public void expireIncomplete() {
    for (ConcatReassembler.Incomplete i : reassembler.expire(Instant.now())) {
      log.info(
          "MO from {} incomplete ({}/{} parts); stored as is", i.from(), i.received(), i.total());
      receive(i.from(), i.text(), false, i.received());
    }
  }

  /** Stores and publishes one whole MO message; returns its id. Call on the context. */
  public Future<Long> receive(String from, String text, boolean binary, int segments) {
    MoClassification c = classifier.classify(text, binary);
    return pool.withTransaction(tx -> store(tx, from, text, segments, c))
        .onSuccess(
            stored -> {
              if (!FLOODED.equals(stored.kind())) {
                context.owner().eventBus().publish(SmsAddresses.MO_RECEIVED, event(stored, c));
              }
            })
        .map(Stored::id);
  }

  private record Stored(long id, String number, String text, String kind, Instant at) {}

  private Future<Stored> store(
      SqlConnection tx, String from, String text, int segments, MoClassification c) {
    return tx.preparedQuery(COUNT)
        .execute(Tuple.of(from))
        .map(rows -> rows.iterator().next().getInteger(0))
        .compose(
            count -> {
              boolean flooded = perNumberPerHour > 0 && count > perNumberPerHour;
              String kind = flooded ? FLOODED : c.kind().code();
              return tx.preparedQuery(INSERT)
                  .execute(Tuple.of(from, text, segments, kind))
                  .map(rows -> rows.iterator().next())
                  .map(
                      r ->
                          new Stored(
                              r.getLong("id"),
                              from,
                              text,
                              kind,
                              r.getOffsetDateTime("created_at").toInstant()));
            })
        .compose(s -> FLOODED.equals(s.kind()) ? Future.succeededFuture(s) : reply(tx, s, c));
  }

  private Future<Stored> reply(SqlConnection tx, Stored s, MoClassification c) {
    if (c.kind() == MoKind.OPT_OUT) {
      return tx.preparedQuery(OPT_OUT)
          .execute(Tuple.of(s.number(), s.id()))
          .compose(v -> enqueue(tx, s, SmsKind.OPT_OUT_CONFIRM, "opt_out_confirm"))
          .map(s);
    }
    if (c.kind() == MoKind.HELP) {
      return enqueue(tx, s, SmsKind.HELP, "help").map(s);
    }
    return Future.succeededFuture(s);
  }

  private Future<Long> enqueue(SqlConnection tx, Stored s, SmsKind kind, String template) {
    String text = templates.render(template, Map.of());
    return outbox.enqueue(
        tx, new OutboundSms(s.number(), text, kind, true, null, template + ":mo:" + s.id()));
  }

  private static JsonObject event(Stored s, MoClassification c) {
    JsonObject j =
        new JsonObject()
            .put("id", s.id())
            .put("number", s.number())
            .put("text", s.text())
            .put("kind", s.kind())
            .put("receivedAt", s.at().toString());
    if (c.orderNumber() != null) {
      j.put("orderNumber", c.orderNumber());
    }
    if (c.score() != null) {
      j.put("score", c.score());
    }
    return j;
  }

  private CompletableFuture<Void> onContext(java.util.function.Supplier<Future<?>> work) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          work.get()
              .onComplete(
                  ar -> {
                    if (ar.succeeded()) {
                      done.complete(null);
                    } else {
                      done.completeExceptionally(ar.cause());
                    }
                  });
        });
    return done;
  }
}
