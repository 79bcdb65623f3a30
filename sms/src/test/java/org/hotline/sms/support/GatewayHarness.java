package org.hotline.sms.support;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsAddresses;
import org.hotline.sms.SmsGatewayVerticle;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.templates.SmsTemplates;

/**
 * One platform node for tests: its own Vert.x, a pool on the test database and the gateway verticle
 * aimed at a simulator. {@link #crash()} closes Vert.x without any orderly draining.
 */
public final class GatewayHarness implements AutoCloseable {

  public final Vertx vertx = Vertx.vertx();
  public final Pool pool;
  public final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
  public final List<JsonObject> moEvents = new CopyOnWriteArrayList<>();
  private final SmsOutbox outbox = new SmsOutbox();

  public GatewayHarness(SimulatedSmsc smsc, JsonObject extraConfig) {
    pool = TestDatabase.pool(vertx, TestDatabase.NAME, 8);
    vertx.eventBus().<JsonObject>consumer(SmsAddresses.MT_STATUS, m -> statuses.add(m.body()));
    vertx.eventBus().<JsonObject>consumer(SmsAddresses.MO_RECEIVED, m -> moEvents.add(m.body()));
    JsonObject conf =
        new JsonObject()
            .put("host", "127.0.0.1")
            .put("port", smsc.port())
            .put("systemId", "hotline")
            .put("password", "secret")
            .put("window", 20)
            .put("ratePerSecond", 0)
            .put("rebindMinMillis", 100)
            .put("responseTimeoutSeconds", 2)
            .put("pollMillis", 50)
            .put("quietHours", "")
            .mergeIn(extraConfig);
    TestDatabase.await(
        vertx.deployVerticle(
            new SmsGatewayVerticle(pool, new SmsTemplates()),
            new io.vertx.core.DeploymentOptions().setConfig(conf)));
  }

  /** Enqueues each message in its own transaction; returns the ids. */
  public List<Long> enqueue(List<OutboundSms> messages) {
    List<Long> ids = new ArrayList<>();
    for (OutboundSms m : messages) {
      ids.add(TestDatabase.await(pool.withTransaction(tx -> outbox.enqueue(tx, m))));
    }
    return ids;
  }

  public long enqueue(OutboundSms m) {
    return enqueue(List.of(m)).get(0);
  }

  /** Count of rows per state among mt messages. */
  public Map<String, Integer> mtStates() {
    Map<String, Integer> out = new TreeMap<>();
    for (Row r :
        TestDatabase.await(
            pool.query(
                    "SELECT state, count(*) AS n FROM sms_message WHERE direction = 'mt'"
                        + " GROUP BY state")
                .execute())) {
      out.put(r.getString("state"), r.getInteger("n"));
    }
    return out;
  }

  public Row message(long id) {
    return TestDatabase.await(
            pool.preparedQuery("SELECT * FROM sms_message WHERE id = $1").execute(Tuple.of(id)))
        .iterator()
        .next();
  }

  /** Messages whose matched delivered receipts differ from their segment count (should be none). */
  public int receiptAccountingErrors() {
    return TestDatabase.await(
            pool.query(
                    "SELECT count(*) FROM sms_message m WHERE m.direction = 'mt' AND m.segments <>"
                        + " (SELECT count(*) FROM sms_segment s JOIN sms_receipt r"
                        + " ON r.smsc_id = s.smsc_id AND r.matched AND r.stat = 'DELIVRD'"
                        + " WHERE s.message_id = m.id)")
                .execute())
        .iterator()
        .next()
        .getInteger(0);
  }

  public int count(String sql) {
    return TestDatabase.await(pool.query(sql).execute()).iterator().next().getInteger(0);
  }

  /** Stops this node abruptly: no flush of pending results, rows stay 'submitting'. */
  public void crash() {
    TestDatabase.await(vertx.close());
  }

  @Override
  public void close() {
    TestDatabase.await(vertx.close());
  }
}
