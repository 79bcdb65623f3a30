package org.hotline.sms.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.text.Segmenter;

/**
 * The core's entry point for sending: writes the message into the outbox inside the caller's
 * transaction, so the business change and its message commit together or not at all. Idempotent by
 * dedupe key. Stateless and thread-safe.
 */
public final class SmsOutbox {

  private static final String INSERT =
      "INSERT INTO sms_message (direction, number, text, segments, state, urgent, kind, ticket_id,"
          + " dedupe_key) VALUES ('mt', $1, $2, $3, 'queued', $4, $5, $6, $7)"
          + " ON CONFLICT (dedupe_key) DO NOTHING RETURNING id";
  private static final String EXISTING = "SELECT id FROM sms_message WHERE dedupe_key = $1";
  private static final String INSERT_MANY =
      "INSERT INTO sms_message (direction, number, text, segments, state, urgent, kind, ticket_id,"
          + " dedupe_key) SELECT 'mt', n, t, s, 'queued', u, k, tk, d FROM unnest($1::text[],"
          + " $2::text[], $3::int[], $4::bool[], $5::text[], $6::bigint[], $7::text[])"
          + " AS x(n, t, s, u, k, tk, d) ON CONFLICT (dedupe_key) DO NOTHING";
  private static final String IDS_BY_KEY =
      "SELECT id, dedupe_key FROM sms_message WHERE dedupe_key = ANY($1::text[])";

  /**
   * Enqueues many messages in one statement (same semantics as {@link #enqueue}); returns their ids
   * in the order given.
   */
  public Future<List<Long>> enqueueAll(SqlConnection tx, List<OutboundSms> msgs) {
    int n = msgs.size();
    String[] numbers = new String[n];
    String[] texts = new String[n];
    Integer[] segments = new Integer[n];
    Boolean[] urgent = new Boolean[n];
    String[] kinds = new String[n];
    Long[] tickets = new Long[n];
    String[] keys = new String[n];
    for (int i = 0; i < n; i++) {
      OutboundSms m = msgs.get(i);
      try {
        segments[i] = checkedSegments(m);
      } catch (IllegalArgumentException e) {
        return Future.failedFuture(e);
      }
      numbers[i] = m.number();
      texts[i] = m.text();
      urgent[i] = m.urgent();
      kinds[i] = m.kind().code();
      tickets[i] = m.ticketId();
      keys[i] = m.dedupeKey();
    }
    Tuple args =
        Tuple.tuple()
            .addArrayOfString(numbers)
            .addArrayOfString(texts)
            .addArrayOfInteger(segments)
            .addArrayOfBoolean(urgent)
            .addArrayOfString(kinds)
            .addArrayOfLong(tickets)
            .addArrayOfString(keys);
    return tx.preparedQuery(INSERT_MANY)
        .execute(args)
        .compose(v -> tx.preparedQuery(IDS_BY_KEY).execute(Tuple.tuple().addArrayOfString(keys)))
        .map(
            rows -> {
              Map<String, Long> byKey = new HashMap<>();
              rows.forEach(r -> byKey.put(r.getString("dedupe_key"), r.getLong("id")));
              List<Long> ids = new ArrayList<>(n);
              for (String k : keys) {
                ids.add(byKey.get(k));
              }
              return ids;
            });
  }

  private static int checkedSegments(OutboundSms msg) {
    int segments = Segmenter.count(msg.text());
    if (segments > OutboundSms.MAX_SEGMENTS) {
      throw new IllegalArgumentException(
          "text: " + segments + " segments, at most " + OutboundSms.MAX_SEGMENTS);
    }
    return segments;
  }

  /**
   * Enqueues {@code msg} in the transaction {@code tx} belongs to. Returns the message id — the
   * existing one when the dedupe key was used before. Fails (nothing written) when the text needs
   * more than {@link OutboundSms#MAX_SEGMENTS} segments.
   */
  public Future<Long> enqueue(SqlConnection tx, OutboundSms msg) {
    int segments;
    try {
      segments = checkedSegments(msg);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Tuple args =
        Tuple.of(
            msg.number(),
            msg.text(),
            segments,
            msg.urgent(),
            msg.kind().code(),
            msg.ticketId(),
            msg.dedupeKey());
    return tx.preparedQuery(INSERT)
        .execute(args)
        .compose(
            rows -> {
              if (rows.size() > 0) {
                return Future.succeededFuture(rows.iterator().next().getLong("id"));
              }
              return tx.preparedQuery(EXISTING)
                  .execute(Tuple.of(msg.dedupeKey()))
                  .map(r -> r.iterator().next())
                  .map((Row row) -> row.getLong("id"));
            });
  }
}
