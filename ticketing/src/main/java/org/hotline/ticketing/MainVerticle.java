package org.hotline.ticketing;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.hotline.sms.SmsEnvironment;
import org.hotline.sms.SmsGatewayVerticle;
import org.hotline.sms.outbox.SmsOutbox;
import org.hotline.sms.templates.SmsTemplates;
import org.hotline.ticketing.attachment.AttachmentRepository;
import org.hotline.ticketing.attachment.AttachmentService;
import org.hotline.ticketing.attachment.AttachmentSettings;
import org.hotline.ticketing.auth.AdminAccount;
import org.hotline.ticketing.auth.AuthService;
import org.hotline.ticketing.auth.PasswordHasher;
import org.hotline.ticketing.auth.UserRepository;
import org.hotline.ticketing.calendar.CalendarRepository;
import org.hotline.ticketing.callback.CallbackDesk;
import org.hotline.ticketing.callback.CallbackLoop;
import org.hotline.ticketing.callback.CallbackRatings;
import org.hotline.ticketing.category.CategoryRepository;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.Db;
import org.hotline.ticketing.demo.DemoOrderWriter;
import org.hotline.ticketing.demo.DemoOrders;
import org.hotline.ticketing.demo.DemoSeeder;
import org.hotline.ticketing.kb.KnowledgeService;
import org.hotline.ticketing.order.UnitInbox;
import org.hotline.ticketing.order.WorkOrderRepository;
import org.hotline.ticketing.order.WorkOrderService;
import org.hotline.ticketing.portal.LiveStreams;
import org.hotline.ticketing.portal.Messages;
import org.hotline.ticketing.portal.PageRenderer;
import org.hotline.ticketing.portal.PortalRouter;
import org.hotline.ticketing.reference.ReferenceData;
import org.hotline.ticketing.reference.ReferenceSeeder;
import org.hotline.ticketing.routing.RoutingAdvisor;
import org.hotline.ticketing.routing.RoutingRepository;
import org.hotline.ticketing.scheduler.SchedulerSettings;
import org.hotline.ticketing.scheduler.SchedulerVerticle;
import org.hotline.ticketing.sms.OrderNotices;
import org.hotline.ticketing.sms.SmsBridge;
import org.hotline.ticketing.telephony.CallRepository;
import org.hotline.ticketing.telephony.TelephonyBridge;
import org.hotline.ticketing.telephony.TelephonyDeployment;
import org.hotline.ticketing.unit.UnitRepository;
import org.hotline.ticketing.web.AdminHandlers;
import org.hotline.ticketing.web.AttachmentHandlers;
import org.hotline.ticketing.web.AuthHandlers;
import org.hotline.ticketing.web.CallHandlers;
import org.hotline.ticketing.web.CallbackHandlers;
import org.hotline.ticketing.web.KbHandlers;
import org.hotline.ticketing.web.ReferenceHandlers;
import org.hotline.ticketing.web.ReportHandlers;
import org.hotline.ticketing.web.Sessions;
import org.hotline.ticketing.web.SmsHandlers;
import org.hotline.ticketing.web.TicketHandlers;
import org.hotline.ticketing.web.UnitHandlers;
import org.hotline.ticketing.web.WallboardHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the platform by hand: seeds what is missing, loads the reference data, and starts the HTTP
 * server. The database must already be migrated ({@link Main} does that first).
 */
public final class MainVerticle extends AbstractVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(MainVerticle.class);
  private static final int DEMO_ORDERS = 200;

  private final HotlineConfig config;
  private final Clock clock;
  private final AtomicInteger actualPort = new AtomicInteger();
  private Pool pool;
  private volatile TelephonyDeployment.Started telephony;
  private volatile CallbackLoop callbackLoop;
  private volatile boolean smsSimulated;
  private Future<Void> adapters = Future.succeededFuture();
  private final AtomicReference<KnowledgeService> knowledge = new AtomicReference<>();
  private volatile boolean ready;

  public MainVerticle(HotlineConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** True when SMS go to the built-in SMSC simulator. */
  public boolean smsSimulated() {
    return smsSimulated;
  }

  /** The Asterisk bridge once started (FastAGI port, simulator), else null. */
  public TelephonyDeployment.Started telephony() {
    return telephony;
  }

  /** The callback loop (回访) the scheduler's leader runs; tests drive it with their own clock. */
  public CallbackLoop callbackLoop() {
    return callbackLoop;
  }

  /** The port the web server listens on (useful when configured as 0). */
  public int httpPort() {
    return actualPort.get();
  }

  /** SMS settings from the environment; the built-in simulator gets credentials of its own. */
  private io.vertx.core.json.JsonObject smsConfig() {
    io.vertx.core.json.JsonObject c = SmsEnvironment.toConfig(config.env());
    if (c.getString("host", "").isBlank() && c.getString("password", "").isEmpty()) {
      c.put("password", "sim-pass"); // SMPP passwords are at most 8 characters
    }
    return c;
  }

  private int httpInstances() {
    String configured = config.env().get("HOTLINE_HTTP_INSTANCES");
    return configured != null
        ? Integer.parseInt(configured)
        : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public void start(Promise<Void> started) {
    pool = Db.pool(vertx, config);
    PasswordHasher hasher = new PasswordHasher();
    WorkOrderRepository orders = new WorkOrderRepository();
    CategoryRepository categories = new CategoryRepository(pool);
    CalendarRepository calendars = new CalendarRepository(pool);
    UnitRepository units = new UnitRepository(pool);
    RoutingRepository routingRules = new RoutingRepository(pool);
    DemoSeeder demo = new DemoSeeder(vertx, pool, hasher);
    CallRepository calls = new CallRepository(pool);
    AtomicReference<ReferenceData> reference = new AtomicReference<>();
    AtomicReference<RoutingAdvisor> routing = new AtomicReference<>();

    new ReferenceSeeder(pool)
        .seed()
        .compose(
            v -> AdminAccount.ensure(vertx, pool, hasher, config.adminPassword(), config.demo()))
        .compose(v -> config.demo() ? demo.needed() : Future.succeededFuture(false))
        .compose(
            firstDemoStart ->
                (firstDemoStart ? demo.seedUnitsRoutingAndUsers() : Future.<Void>succeededFuture())
                    .compose(
                        v ->
                            loadReference(
                                units, calendars, categories, routingRules, reference, routing))
                    .compose(
                        v ->
                            firstDemoStart
                                ? seedDemoOrders(reference.get(), routing.get(), categories, orders)
                                : Future.succeededFuture())
                    .compose(
                        v ->
                            KnowledgeService.start(
                                vertx, pool, config.dataDir().resolve("kb-index"), clock))
                    .compose(
                        service -> {
                          knowledge.set(service);
                          return firstDemoStart
                              ? service
                                  .importSeed()
                                  .map(
                                      r -> {
                                        LOG.info("loaded {} knowledge-base articles", r.imported());
                                        return (Void) null;
                                      })
                              : Future.<Void>succeededFuture();
                        }))
        .compose(
            v -> {
              SmsTemplates templates = new SmsTemplates();
              SmsHandlers smsHandlers = new SmsHandlers(vertx, pool, templates);
              smsHandlers
                  .loadTemplateOverrides()
                  .onFailure(e -> LOG.error("stored SMS template edits not applied", e));
              WorkOrderService service =
                  new WorkOrderService(
                      pool,
                      orders,
                      reference.get(),
                      clock,
                      new OrderNotices(new SmsOutbox(), templates));
              AuthService auth = new AuthService(vertx, new UserRepository(pool), hasher);
              AttachmentSettings attachmentSettings =
                  AttachmentSettings.from(config.env(), config.dataDir());
              HttpVerticle.Handlers handlers =
                  new HttpVerticle.Handlers(
                      new Sessions(auth),
                      new AuthHandlers(auth),
                      new TicketHandlers(service, reference.get()),
                      new ReferenceHandlers(reference.get(), categories, routing::get),
                      new KbHandlers(knowledge.get()),
                      new CallHandlers(
                          vertx,
                          calls,
                          java.nio.file.Path.of(
                              config
                                  .env()
                                  .getOrDefault(
                                      "HOTLINE_RECORDINGS_DIR",
                                      config.dataDir().resolve("recordings").toString())),
                          () -> telephony),
                      smsHandlers,
                      new AdminHandlers(
                          vertx,
                          pool,
                          hasher,
                          () ->
                              loadReference(
                                  units, calendars, categories, routingRules, reference, routing)),
                      new WallboardHandlers(pool),
                      new org.hotline.ticketing.web.IntakeHandlers(
                          new org.hotline.ticketing.intake.DuplicateFinder(pool),
                          new org.hotline.ticketing.intake.AgentDay(pool),
                          clock),
                      new AttachmentHandlers(
                          new AttachmentService(
                              vertx,
                              pool,
                              new AttachmentRepository(),
                              orders,
                              attachmentSettings,
                              () -> reference.get().units(),
                              clock)),
                      new UnitHandlers(
                          pool,
                          new UnitInbox(SchedulerSettings.fromEnv(config.env()).warnPercent()),
                          service,
                          reference.get(),
                          attachmentSettings),
                      new ReportHandlers(vertx, pool, reference.get(), clock),
                      new CallbackHandlers(new CallbackDesk(pool), service),
                      new PortalRouter(
                          new Sessions(auth),
                          auth,
                          new PageRenderer(),
                          new Messages(),
                          new LiveStreams(vertx),
                          new PortalRouter.PeerStatus(
                              () -> !config.env().containsKey("HOTLINE_AMI_HOST"),
                              () -> smsSimulated),
                          config.https()));
              new SmsBridge(vertx, pool, service, templates).register();
              // The adapters start beside the web server; one that fails is logged, not fatal:
              // the centre can still work its orders without a PBX or an SMSC.
              Future<String> sms =
                  vertx
                      .deployVerticle(
                          new SmsGatewayVerticle(pool, templates),
                          new DeploymentOptions().setConfig(smsConfig()))
                      .onSuccess(id -> smsSimulated = !smsConfig().containsKey("host"))
                      .onFailure(e -> LOG.error("SMS gateway did not start", e));
              // The callback loop (回访) runs on the scheduler's leader; every node hears call
              // outcomes.
              callbackLoop = new CallbackLoop(vertx, pool, service, templates);
              callbackLoop.register();
              // Deadline scheduler: every node competes; the holder of the advisory lock sweeps.
              vertx
                  .deployVerticle(new SchedulerVerticle(config, clock, templates, callbackLoop))
                  .onFailure(e -> LOG.error("the deadline scheduler did not start", e));
              Future<TelephonyDeployment.Started> pbx =
                  TelephonyDeployment.deploy(vertx, config.env(), config.dataDir())
                      .onSuccess(t -> telephony = t)
                      .onFailure(e -> LOG.error("the Asterisk bridge did not start", e));
              adapters = Future.join(sms, pbx).<Void>mapEmpty().otherwiseEmpty();
              new TelephonyBridge(
                      vertx, calls, service, reference.get(), new CallbackRatings(pool, service))
                  .register();
              // One HTTP verticle per event loop: they share the port, the pool and the services.
              // The first instance settles the port (it may be 0: any free one), the rest join it.
              return vertx
                  .deployVerticle(new HttpVerticle(config, handlers, () -> ready, actualPort))
                  .compose(
                      first ->
                          httpInstances() == 1
                              ? Future.succeededFuture(first)
                              : vertx.deployVerticle(
                                  () -> new HttpVerticle(config, handlers, () -> ready, actualPort),
                                  new DeploymentOptions().setInstances(httpInstances() - 1)))
                  .compose(id -> adapters.map(id));
            })
        .onSuccess(
            id -> {
              ready = true;
              LOG.info(
                  "HTTP{} listening on {}:{}",
                  config.https() ? "S" : "",
                  config.httpHost(),
                  actualPort.get());
              started.complete();
            })
        .onFailure(started::fail);
  }

  private Future<Void> loadReference(
      UnitRepository units,
      CalendarRepository calendars,
      CategoryRepository categories,
      RoutingRepository routingRules,
      AtomicReference<ReferenceData> reference,
      AtomicReference<RoutingAdvisor> routing) {
    var tree = units.loadTree();
    var calendar = calendars.loadCalendar();
    var policy = calendars.loadPolicy();
    var leaves = categories.leaves();
    var kinds = categories.kinds();
    var rules = routingRules.all();
    return Future.all(tree, calendar, policy, leaves, kinds, rules)
        .map(
            all -> {
              if (reference.get() == null) {
                reference.set(
                    new ReferenceData(
                        tree.result(), calendar.result(), policy.result(), leaves.result()));
              } else { // an administrator's edit: the services keep their instance, updated in
                // place
                reference.get().replaceUnits(tree.result());
                reference.get().replaceCalendar(calendar.result(), policy.result());
                reference.get().replaceCategories(leaves.result());
              }
              routing.set(new RoutingAdvisor(rules.result(), kinds.result(), tree.result()));
              int year = java.time.Year.now(clock).getValue();
              for (int y = year; y <= year + 1; y++) {
                if (!calendar.result().hasOfficialArrangement(y)) {
                  LOG.warn(
                      "工作日历：{} 年的国务院放假调休安排尚未录入，跨入该年的期限只按周末和法定节日计算。"
                          + " The {} holiday arrangement has not been entered: deadlines reaching into it count"
                          + " weekends and statutory days only.",
                      y,
                      y);
                }
              }
              return null;
            });
  }

  private Future<Void> seedDemoOrders(
      ReferenceData reference,
      RoutingAdvisor routing,
      CategoryRepository categories,
      WorkOrderRepository orders) {
    return categories
        .leaves()
        .compose(
            leaves -> {
              var generated =
                  new DemoOrders(reference.workflow(), routing, reference.units(), leaves, 12345)
                      .generate(
                          DEMO_ORDERS,
                          java.time.ZonedDateTime.now(clock)
                              .withZoneSameInstant(
                                  org.hotline.ticketing.calendar.WorkingCalendar.SHANGHAI));
              LOG.info("loading {} demo orders", generated.size());
              return new DemoOrderWriter(pool, orders).write(generated);
            });
  }

  @Override
  public void stop(Promise<Void> stopped) {
    ready = false;
    (knowledge.get() == null ? Future.<Void>succeededFuture() : knowledge.get().close())
        .transform(r -> pool == null ? Future.<Void>succeededFuture() : pool.close())
        .onComplete(r -> stopped.complete());
  }
}
