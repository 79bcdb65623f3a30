package org.hotline.sms;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.sms.mo.MoClassifier;
import org.hotline.sms.mo.MoIntake;
import org.hotline.sms.outbox.OutboxSender;
import org.hotline.sms.outbox.OutboxSettings;
import org.hotline.sms.outbox.ReceiptRecorder;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.sim.SimulatedSmsc;
import org.hotline.sms.smpp.InboundHandler;
import org.hotline.sms.smpp.SmppClient;
import org.hotline.sms.smpp.SmppConfig;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.sms.text.ConcatReassembler;
import org.hotline.sms.text.DecodedPart;
import org.hotline.sms.text.DeliveryReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sms module's main verticle: binds to the SMSC (or, with no {@code host}, starts the built-in
 * {@link SimulatedSmsc} on loopback and says so on {@link SmsAddresses#LINK_STATUS}), stores
 * receipts and MO messages, and deploys the {@link OutboxSender}. Config keys are those of {@link
 * SmppConfig} and {@link OutboxSettings}, plus {@code moReassemblySeconds} (60). The pool must
 * point at the database migrated with {@code classpath:db/sms}.
 */
public final class SmsGatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(SmsGatewayVerticle.class);
  private static final long STORE_TIMEOUT_SECONDS = 10;

  private final Pool pool;
  private final SmsTemplates templates;
  private SimulatedSmsc simulator;
  private SmppClient client;
  private SmppConfig smpp;
  private volatile boolean stopping;

  public SmsGatewayVerticle(Pool pool, SmsTemplates templates) {
    this.pool = pool;
    this.templates = templates;
  }

  @Override
  public Future<?> start() {
    JsonObject conf = config();
    SmppConfig configured = SmppConfig.fromJson(conf);
    OutboxSettings settings = OutboxSettings.fromJson(conf);
    Future<SmppConfig> endpoint =
        configured.host().isBlank()
            ? startSimulator(configured)
            : Future.succeededFuture(configured);
    return endpoint.compose(
        c -> {
          smpp = c;
          ReceiptRecorder receipts = new ReceiptRecorder(context, pool);
          MoIntake intake =
              new MoIntake(
                  context,
                  pool,
                  new SmsOutbox(),
                  templates,
                  new MoClassifier(),
                  new ConcatReassembler(
                      Duration.ofSeconds(conf.getInteger("moReassemblySeconds", 60))),
                  settings.inboundPerNumberPerHour());
          client = new SmppClient(c, inbound(receipts, intake), this::linkChanged);
          client.start();
          vertx.setPeriodic(5_000, id -> intake.expireIncomplete());
          vertx.eventBus().consumer(SmsAddresses.LINK_STATUS_GET, m -> m.reply(linkStatus()));
          log.info(
              "SMS gateway: SMSC {}:{}{}, quiet hours {}",
              c.host(),
              c.port(),
              simulator != null ? " (simulator)" : "",
              settings.quietHours());
          return vertx.deployVerticle(new OutboxSender(pool, client, settings));
        });
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    // unbind waits for the SMSC's answer: not on the event loop
    return vertx.executeBlocking(
        () -> {
          if (client != null) {
            client.close();
          }
          if (simulator != null) {
            simulator.close();
          }
          return null;
        });
  }

  private Future<SmppConfig> startSimulator(SmppConfig c) {
    return vertx
        .executeBlocking(
            () ->
                new SimulatedSmsc(
                        SimulatedSmsc.Options.defaults()
                            .withCredentials(c.systemId(), c.password()))
                    .start())
        .map(
            sim -> {
              simulator = sim;
              vertx
                  .eventBus()
                  .<JsonObject>consumer(
                      SmsAddresses.SIM_INJECT_MO,
                      m ->
                          vertx
                              .executeBlocking(
                                  () ->
                                      sim.injectMo(
                                          m.body().getString("from"), m.body().getString("text")))
                              .onSuccess(n -> m.reply(new JsonObject().put("parts", n)))
                              .onFailure(e -> m.fail(400, e.getMessage())));
              log.warn(
                  "no HOTLINE_SMPP_HOST: using the built-in SMSC simulator on port {}", sim.port());
              return c.withEndpoint("127.0.0.1", sim.port());
            });
  }

  private InboundHandler inbound(ReceiptRecorder receipts, MoIntake intake) {
    return new InboundHandler() {
      @Override
      public void onReceipt(DeliveryReceipt receipt) throws Exception {
        awaitStored(receipts.record(receipt));
      }

      @Override
      public void onMo(String from, DecodedPart part) throws Exception {
        awaitStored(intake.onPart(from, part));
      }
    };
  }

  /**
   * Waits (on a jsmpp thread) until the data is committed, at most {@link #STORE_TIMEOUT_SECONDS};
   * gives up at once when the verticle is stopping, so the SMSC is told to deliver again later.
   */
  private void awaitStored(CompletableFuture<Void> stored) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STORE_TIMEOUT_SECONDS);
    while (true) {
      if (stopping) {
        throw new IllegalStateException("gateway stopping");
      }
      try {
        stored.get(100, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }

  private void linkChanged(boolean bound) {
    context.runOnContext(v -> vertx.eventBus().publish(SmsAddresses.LINK_STATUS, linkStatus()));
  }

  private JsonObject linkStatus() {
    return new JsonObject()
        .put("bound", client != null && client.isBound())
        .put("simulated", simulator != null)
        .put("host", smpp == null ? null : smpp.host())
        .put("port", smpp == null ? null : smpp.port());
  }
}
