package org.hotline.sms.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hotline.sms.OutboundSms;
import org.hotline.sms.SmsGatewayVerticle;
import org.hotline.sms.SmsKind;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.support.TestDatabase;
import org.hotline.sms.templates.SmsTemplates;

/**
 * Enqueues N mixed Chinese long/short and ASCII messages through the outbox (100 per transaction,
 * as fast as PostgreSQL commits) while the gateway drains them to the simulator with window 50;
 * reports segments/s, p99 from commit to the last segment's submit_sm_resp, losses and duplicates
 * (outbox vs. what the simulator stored). Usage: SmsBench [messages] [timeoutSeconds].
 */
public final class SmsBench {

  private static final String DB = "hotline_bench_sms";

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int timeoutSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 180;
    int window = 50;
    TestDatabase.drop(DB);
    TestDatabase.migrate(DB);
    SimulatedSmsc smsc =
        new SimulatedSmsc(SimulatedSmsc.Options.defaults().withReceipts(Duration.ofMillis(50), 0.0))
            .start();
    Vertx vertx = Vertx.vertx();
    try {
      Pool pool = TestDatabase.pool(vertx, DB, 8);
      JsonObject conf =
          new JsonObject()
              .put("host", "127.0.0.1")
              .put("port", smsc.port())
              .put("systemId", "hotline")
              .put("password", "secret")
              .put("window", window)
              .put("ratePerSecond", 0)
              .put("pollMillis", 20)
              .put("quietHours", "")
              .put("perNumberPerHour", 0);
      TestDatabase.await(
          vertx.deployVerticle(
              new SmsGatewayVerticle(pool, new SmsTemplates()),
              new DeploymentOptions().setConfig(conf)));
      List<OutboundSms> messages = generate(n);
      Map<Long, Long> committedAt = new HashMap<>();
      long t0 = System.currentTimeMillis();
      enqueueAll(pool, messages, committedAt);
      long enqueued = System.currentTimeMillis();
      System.out.printf("enqueued %d messages in %d ms%n", n, enqueued - t0);
      long deadline = t0 + timeoutSeconds * 1000L;
      while (System.currentTimeMillis() < deadline
          && scalar(pool, "SELECT count(*) FROM sms_message WHERE state IN ('queued','submitting')")
              > 0) {
        Thread.sleep(200);
      }
      long totalSegments = scalar(pool, "SELECT count(*) FROM sms_segment");
      long expectedSegments = scalar(pool, "SELECT coalesce(sum(segments),0) FROM sms_message");
      List<Long> latencies = new ArrayList<>();
      long lastResp = t0;
      for (Row r :
          TestDatabase.await(
              pool.query(
                      "SELECT message_id, (extract(epoch FROM max(submitted_at)) * 1000)::bigint"
                          + " AS at FROM sms_segment GROUP BY message_id")
                  .execute())) {
        long at = r.getLong("at");
        lastResp = Math.max(lastResp, at);
        Long c = committedAt.get(r.getLong("message_id"));
        if (c != null) {
          latencies.add(at - c);
        }
      }
      long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      long p50 = lat.length == 0 ? -1 : lat[(int) (lat.length * 0.50)];
      long p99 = lat.length == 0 ? -1 : lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))];
      double seconds = Math.max(1, lastResp - t0) / 1000.0;
      long segPerSec = Math.round(totalSegments / seconds);
      Map<String, Integer> tags = smsc.tagCounts();
      long lost = expectedSegments - tags.size();
      int duplicates = smsc.duplicateTags();
      long receiptsDeadline = System.currentTimeMillis() + 30_000;
      while (System.currentTimeMillis() < receiptsDeadline
          && scalar(pool, "SELECT count(*) FROM sms_message WHERE state = 'submitted'") > 0) {
        Thread.sleep(200);
      }
      long delivered = scalar(pool, "SELECT count(*) FROM sms_message WHERE state = 'delivered'");
      System.out.printf(
          "messages=%d segments=%d (expected %d) in %.1f s from first commit; p50=%d ms p99=%d"
              + " ms commit→last submit_sm_resp; simulator throttled=%d; delivered by DLR=%d%n",
          n, totalSegments, expectedSegments, seconds, p50, p99, smsc.throttledCount(), delivered);
      System.out.printf(
          "RESULT sms messages=%d segments_per_s=%d p99_ms=%d lost=%d duplicates=%d%n",
          n, segPerSec, p99, lost, duplicates);
    } finally {
      TestDatabase.await(vertx.close());
      smsc.close();
      TestDatabase.drop(DB);
    }
  }

  private static List<OutboundSms> generate(int n) {
    Random rnd = new Random(12345);
    String[] shortZh = {"【12345热线】您反映的问题已受理，工单号%s。", "【12345热线】工单%s已办结，感谢您的支持。"};
    String longZh = "【12345热线】您反映的问题（工单号%s）已办理完毕：经区城管局现场核实，" + "涉及路段的路灯线路老化导致夜间照明中断，现已更换线路并恢复照明。";
    List<OutboundSms> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String order = "2026-" + String.format("%06d", i);
      int kind = rnd.nextInt(10);
      String text;
      if (kind < 4) {
        text = String.format(shortZh[kind % 2], order);
      } else if (kind < 7) {
        text = String.format(longZh, order) + "如有疑问请致电12345。".repeat(rnd.nextInt(8));
      } else {
        text = "Order " + order + " received; reply CX " + order + " for progress.";
      }
      String number = String.format("139%08d", i % 5000);
      out.add(OutboundSms.of(number, text, SmsKind.RECEIPT, (long) i, "bench:" + i));
    }
    return out;
  }

  /** Four concurrent producers, each committing 100 messages per transaction (one statement). */
  private static void enqueueAll(Pool pool, List<OutboundSms> all, Map<Long, Long> committedAt)
      throws InterruptedException {
    SmsOutbox outbox = new SmsOutbox();
    int batch = 100;
    int producers = 4;
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int first = p;
      Thread t =
          new Thread(
              () -> {
                for (int b = first; b * batch < all.size(); b += producers) {
                  List<OutboundSms> slice =
                      all.subList(b * batch, Math.min(all.size(), (b + 1) * batch));
                  List<Long> ids =
                      TestDatabase.await(pool.withTransaction(tx -> outbox.enqueueAll(tx, slice)));
                  long now = System.currentTimeMillis();
                  synchronized (committedAt) {
                    ids.forEach(id -> committedAt.put(id, now));
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private static long scalar(Pool pool, String sql) {
    return TestDatabase.await(pool.query(sql).execute()).iterator().next().getLong(0);
  }

  private SmsBench() {}
}
