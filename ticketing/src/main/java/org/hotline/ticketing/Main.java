package org.hotline.ticketing;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.db.DatabaseBootstrap;

/**
 * Starts the platform: configuration, PostgreSQL (found or embedded), migrations, then Vert.x.
 * Ctrl-C stops Vert.x and the embedded database, if one was started.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    HotlineConfig config;
    try {
      config = HotlineConfig.load(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("[hotline] " + e.getMessage());
      System.exit(2);
      return;
    }
    DatabaseBootstrap.Result db = DatabaseBootstrap.locate(config);
    System.out.println("[hotline] database: " + db.description());
    DatabaseBootstrap.migrate(db.config());

    Vertx vertx = Vertx.vertx();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    vertx
                        .close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
                  } catch (Exception e) {
                    System.err.println("[hotline] stopping Vert.x: " + e);
                  }
                  if (db.embedded() != null) {
                    try {
                      db.embedded().close();
                    } catch (Exception e) {
                      System.err.println("[hotline] stopping the embedded database: " + e);
                    }
                  }
                  stopped.countDown();
                }));
    MainVerticle main = new MainVerticle(db.config(), Clock.systemDefaultZone());
    try {
      vertx
          .deployVerticle(main, new DeploymentOptions())
          .toCompletionStage()
          .toCompletableFuture()
          .get(300, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("[hotline] start failed: " + e.getMessage());
      e.printStackTrace();
      System.exit(1);
    }
    printWelcome(db.config(), main);
  }

  private static void printWelcome(HotlineConfig c, MainVerticle main) {
    int port = main.httpPort();
    String base = (c.https() ? "https" : "http") + "://localhost:" + port;
    System.out.println();
    System.out.println("[hotline] 12345 热线平台已启动 / the platform is up");
    System.out.println(
        "[hotline]   portals    "
            + base
            + "/login   (话务台 /agent · 中心 /centre · 单位 /unit · 管理 /admin · 大屏 /wallboard)");
    System.out.println(
        "[hotline]   API        " + base + "/api   (OpenAPI: " + base + "/api/openapi.json)");
    System.out.println("[hotline]   health     " + base + "/health");
    var pbx = main.telephony();
    if (pbx == null) {
      System.out.println("[hotline]   telephony  NOT STARTED (see the log above)");
    } else {
      System.out.println(
          "[hotline]   FastAGI    port "
              + pbx.agiPort()
              + (pbx.simulated()
                  ? "   PBX: SIMULATED (no HOTLINE_AMI_HOST; built-in simulator, AMI on 127.0.0.1:"
                      + pbx.simulator().port()
                      + ")"
                  : "   PBX: Asterisk AMI at " + c.env().get("HOTLINE_AMI_HOST")));
      if (pbx.simulated()) {
        System.out.println(
            "[hotline]   模拟来电 simulated calls: page "
                + base
                + "/simcall, or POST "
                + base
                + "/api/sim/calls {\"caller\":\"13800138000\"}, then /dtmf, /answer, /hangup");
      }
    }
    System.out.println(
        "[hotline]   SMS        "
            + (main.smsSimulated()
                ? "SIMULATED SMSC (no HOTLINE_SMPP_HOST)"
                : "SMSC " + c.env().get("HOTLINE_SMPP_HOST")));
    if (c.demo()) {
      System.out.println(
          "[hotline]   demo logins (password demo12345): admin, agent1, dispatcher1, reviewer1,");
      System.out.println(
          "[hotline]     supervisor1, kbeditor1, and per unit u-<unit code> (handler), l-<unit code> (leader)");
    }
    System.out.println("[hotline] Ctrl-C stops everything.");
  }
}
