package org.hotline.sms.outbox;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotline.sms.SmsKind;
import org.hotline.sms.text.DeliveryReceipt;

/** All SQL of the outbound side: claiming, recording results, and matching delivery receipts. */
final class OutboxRepository {

  private static final String CLAIM =
      "WITH due AS (SELECT id FROM sms_message"
          + " WHERE state IN ('queued', 'submitting') AND next_attempt_at <= now()"
          + " ORDER BY urgent DESC, next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " UPDATE sms_message m SET state = 'submitting', attempts = m.attempts + 1,"
          + " lease_until = now() + make_interval(secs => $2),"
          + " next_attempt_at = now() + make_interval(secs => $2)"
          + " FROM due WHERE m.id = due.id"
          + " RETURNING m.id, m.number, m.text, m.kind, m.urgent, m.attempts, m.created_at,"
          + " m.ticket_id,"
          + " EXISTS (SELECT 1 FROM sms_opt_out o WHERE o.number = m.number) AS opted_out,"
          + " COALESCE((SELECT c.count FROM sms_rate_counter c WHERE c.number = m.number"
          + " AND c.direction = 'mt' AND c.window_start = date_trunc('hour', now())), 0) AS sent,"
          + " ARRAY(SELECT s.seq FROM sms_segment s WHERE s.message_id = m.id) AS sent_seqs";

  private static final String COUNT_SENT =
      "INSERT INTO sms_rate_counter (number, direction, window_start, count)"
          + " SELECT n, 'mt', date_trunc('hour', now()), c FROM unnest($1::text[], $2::int[]) AS"
          + " u(n, c) ON CONFLICT (number, direction, window_start)"
          + " DO UPDATE SET count = sms_rate_counter.count + excluded.count";

  private static final String INSERT_SEGMENTS =
      "INSERT INTO sms_segment (message_id, seq, smsc_id, state, submitted_at)"
          + " SELECT m, s, i, 'submitted', to_timestamp(t / 1000.0)"
          + " FROM unnest($1::bigint[], $2::int[], $3::text[], $4::bigint[]) AS u(m, s, i, t)"
          + " ON CONFLICT (message_id, seq) DO NOTHING";

  private static final String UPDATE_MESSAGES =
      "UPDATE sms_message m SET state = u.st, lease_until = NULL, last_error = u.err,"
          + " next_attempt_at = COALESCE(to_timestamp(u.nx / 1000.0), m.next_attempt_at),"
          + " not_before = CASE WHEN u.st = 'queued' THEN to_timestamp(u.nx / 1000.0) END,"
          + " attempts = CASE WHEN u.deferred THEN m.attempts - 1 ELSE m.attempts END,"
          + " submitted_at = CASE WHEN u.st = 'submitted' THEN now() ELSE m.submitted_at END,"
          + " smsc_ids = (SELECT array_agg(s.smsc_id ORDER BY s.seq) FROM sms_segment s"
          + " WHERE s.message_id = m.id)"
          + " FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::bool[])"
          + " AS u(id, st, nx, err, deferred)"
          + " WHERE m.id = u.id AND m.state = 'submitting'"
          + " RETURNING m.id, m.ticket_id, m.kind, m.state, m.last_error";

  private static final String INSERT_RECEIPTS =
      "INSERT INTO sms_receipt (smsc_id, stat, error)"
          + " SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING";

  /** Applies the given receipts to their segments (when the segment is known yet). */
  private static final String APPLY_RECEIPTS = applyReceipts("r.smsc_id = ANY($1::text[])");

  /** Applies receipts that are still unmatched (the segment was recorded after the receipt). */
  private static final String SWEEP_RECEIPTS =
      applyReceipts("r.received_at > now() - interval '7 days'");

  private static String applyReceipts(String condition) {
    return "WITH seg AS (UPDATE sms_segment s SET"
        + " state = CASE WHEN r.stat = 'DELIVRD' THEN 'delivered' ELSE 'failed' END,"
        + " done_at = r.received_at,"
        + " error = CASE WHEN r.stat = 'DELIVRD' THEN NULL ELSE r.stat || ' err:' || r.error END"
        + " FROM sms_receipt r WHERE r.smsc_id = s.smsc_id AND NOT r.matched"
        + " AND s.state = 'submitted' AND "
        + condition
        + " RETURNING s.message_id, s.smsc_id),"
        + " mark AS (UPDATE sms_receipt r SET matched = true FROM seg"
        + " WHERE r.smsc_id = seg.smsc_id RETURNING 1)"
        + " SELECT DISTINCT message_id FROM seg";
  }

  /** Moves submitted messages whose segments are all delivered (or one failed) to a final state. */
  private static final String SETTLE =
      "UPDATE sms_message m SET"
          + " state = CASE WHEN x.failed > 0 THEN 'failed' ELSE 'delivered' END,"
          + " delivered_at = CASE WHEN x.failed = 0 THEN now() END,"
          + " last_error = CASE WHEN x.failed > 0 THEN x.err END"
          + " FROM (SELECT message_id, count(*) FILTER (WHERE state = 'delivered') AS delivered,"
          + " count(*) FILTER (WHERE state = 'failed') AS failed, max(error) AS err"
          + " FROM sms_segment WHERE message_id = ANY($1::bigint[]) GROUP BY message_id) x"
          + " WHERE m.id = x.message_id AND m.state = 'submitted'"
          + " AND (x.failed > 0 OR x.delivered >= m.segments)"
          + " RETURNING m.id, m.ticket_id, m.kind, m.state, m.last_error";

  private final Pool pool;

  OutboxRepository(Pool pool) {
    this.pool = pool;
  }

  Future<List<ClaimedMessage>> claim(int limit, Duration lease) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(limit, (double) lease.toSeconds()))
        .map(
            rows -> {
              List<ClaimedMessage> out = new ArrayList<>(rows.size());
              for (Row r : rows) {
                Set<Integer> seqs = new HashSet<>(List.of(r.getArrayOfIntegers("sent_seqs")));
                out.add(
                    new ClaimedMessage(
                        r.getLong("id"),
                        r.getString("number"),
                        r.getString("text"),
                        SmsKind.fromCode(r.getString("kind")),
                        r.getBoolean("urgent"),
                        r.getInteger("attempts"),
                        r.getOffsetDateTime("created_at").toInstant(),
                        r.getLong("ticket_id"),
                        r.getBoolean("opted_out"),
                        r.getInteger("sent"),
                        seqs));
              }
              return out;
            });
  }

  /** Adds to the hourly per-number counters. */
  Future<Void> countSent(Map<String, Integer> perNumber) {
    if (perNumber.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] numbers = perNumber.keySet().toArray(String[]::new);
    Integer[] counts = new Integer[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      counts[i] = perNumber.get(numbers[i]);
    }
    return pool.preparedQuery(COUNT_SENT)
        .execute(Tuple.tuple().addArrayOfString(numbers).addArrayOfInteger(counts))
        .mapEmpty();
  }

  /** Records outcomes in one transaction; returns the messages that reached a final state. */
  Future<List<StatusChange>> record(List<SendResult> results) {
    List<Long> segMsg = new ArrayList<>();
    List<Integer> segSeq = new ArrayList<>();
    List<String> segId = new ArrayList<>();
    List<Long> segAt = new ArrayList<>();
    Long[] ids = new Long[results.size()];
    String[] states = new String[ids.length];
    Long[] next = new Long[ids.length];
    String[] errors = new String[ids.length];
    Boolean[] deferred = new Boolean[ids.length];
    for (int i = 0; i < ids.length; i++) {
      SendResult r = results.get(i);
      ids[i] = r.id();
      states[i] = r.state();
      next[i] = r.nextAttemptAt() == null ? null : r.nextAttemptAt().toEpochMilli();
      errors[i] = r.error();
      deferred[i] = r.deferred();
      r.smscIds()
          .forEach(
              (seq, smscId) -> {
                segMsg.add(r.id());
                segSeq.add(seq);
                segId.add(smscId);
                segAt.add(r.acceptedAtMillis());
              });
    }
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(INSERT_SEGMENTS)
                .execute(
                    Tuple.tuple()
                        .addArrayOfLong(segMsg.toArray(Long[]::new))
                        .addArrayOfInteger(segSeq.toArray(Integer[]::new))
                        .addArrayOfString(segId.toArray(String[]::new))
                        .addArrayOfLong(segAt.toArray(Long[]::new)))
                .compose(
                    v ->
                        tx.preparedQuery(UPDATE_MESSAGES)
                            .execute(
                                Tuple.tuple()
                                    .addArrayOfLong(ids)
                                    .addArrayOfString(states)
                                    .addArrayOfLong(next)
                                    .addArrayOfString(errors)
                                    .addArrayOfBoolean(deferred)))
                .compose(
                    updated -> {
                      List<StatusChange> changes = changes(updated);
                      return applyReceipts(tx, segId.toArray(String[]::new))
                          .compose(m -> settle(tx, ids))
                          .map(
                              settled -> {
                                changes.addAll(settled);
                                return changes;
                              });
                    }));
  }

  /**
   * Stores receipts (idempotent by SMSC id) in one autocommitted statement; {@link #sweepReceipts}
   * applies them. Kept this small because the SMSC waits for it before its deliver_sm_resp.
   */
  Future<Void> storeReceipts(List<DeliveryReceipt> receipts) {
    String[] smscIds = receipts.stream().map(DeliveryReceipt::messageId).toArray(String[]::new);
    String[] stats = receipts.stream().map(DeliveryReceipt::status).toArray(String[]::new);
    String[] errs = receipts.stream().map(DeliveryReceipt::error).toArray(String[]::new);
    return pool.preparedQuery(INSERT_RECEIPTS)
        .execute(
            Tuple.tuple().addArrayOfString(smscIds).addArrayOfString(stats).addArrayOfString(errs))
        .mapEmpty();
  }

  /** Applies every stored, still unmatched receipt whose segment is known; settles messages. */
  Future<List<StatusChange>> sweepReceipts() {
    return pool.withTransaction(
        tx -> applyReceipts(tx, null).compose(msgIds -> settle(tx, msgIds)));
  }

  private Future<Long[]> applyReceipts(SqlClient tx, String[] smscIds) {
    if (smscIds != null && smscIds.length == 0) {
      return Future.succeededFuture(new Long[0]);
    }
    Future<io.vertx.sqlclient.RowSet<Row>> applied =
        smscIds == null
            ? tx.query(SWEEP_RECEIPTS).execute()
            : tx.preparedQuery(APPLY_RECEIPTS).execute(Tuple.tuple().addArrayOfString(smscIds));
    return applied.map(
        rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(r -> ids.add(r.getLong(0)));
          return ids.toArray(Long[]::new);
        });
  }

  private Future<List<StatusChange>> settle(SqlClient tx, Long[] messageIds) {
    if (messageIds.length == 0) {
      return Future.succeededFuture(new ArrayList<>());
    }
    return tx.preparedQuery(SETTLE)
        .execute(Tuple.tuple().addArrayOfLong(messageIds))
        .map(OutboxRepository::changes);
  }

  private static List<StatusChange> changes(Iterable<Row> rows) {
    List<StatusChange> out = new ArrayList<>();
    for (Row r : rows) {
      String state = r.getString("state");
      if ("delivered".equals(state) || "failed".equals(state)) {
        out.add(
            new StatusChange(
                r.getLong("id"),
                r.getLong("ticket_id"),
                r.getString("kind"),
                state,
                r.getString("last_error")));
      }
    }
    return out;
  }
}
