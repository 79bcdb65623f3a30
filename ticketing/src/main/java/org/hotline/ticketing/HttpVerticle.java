package org.hotline.ticketing;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.hotline.ticketing.config.HotlineConfig;
import org.hotline.ticketing.portal.PortalRouter;
import org.hotline.ticketing.web.AdminHandlers;
import org.hotline.ticketing.web.ApiRouter;
import org.hotline.ticketing.web.AttachmentHandlers;
import org.hotline.ticketing.web.AuthHandlers;
import org.hotline.ticketing.web.CallHandlers;
import org.hotline.ticketing.web.CallbackHandlers;
import org.hotline.ticketing.web.IntakeHandlers;
import org.hotline.ticketing.web.KbHandlers;
import org.hotline.ticketing.web.ReferenceHandlers;
import org.hotline.ticketing.web.ReportHandlers;
import org.hotline.ticketing.web.Sessions;
import org.hotline.ticketing.web.SmsHandlers;
import org.hotline.ticketing.web.TicketHandlers;
import org.hotline.ticketing.web.UnitHandlers;
import org.hotline.ticketing.web.WallboardHandlers;

/** One web server instance on its own event loop; several share the port. */
public final class HttpVerticle extends AbstractVerticle {

  /** The request handlers, shared by all instances (they hold no per-request state). */
  public record Handlers(
      Sessions sessions,
      AuthHandlers auth,
      TicketHandlers tickets,
      ReferenceHandlers reference,
      KbHandlers kb,
      CallHandlers calls,
      SmsHandlers sms,
      AdminHandlers admin,
      WallboardHandlers wallboard,
      IntakeHandlers intake,
      AttachmentHandlers attachments,
      UnitHandlers unit,
      ReportHandlers reports,
      CallbackHandlers callbacks,
      PortalRouter portal) {}

  private final HotlineConfig config;
  private final Handlers handlers;
  private final BooleanSupplier ready;
  private final AtomicInteger actualPort;

  public HttpVerticle(
      HotlineConfig config, Handlers handlers, BooleanSupplier ready, AtomicInteger actualPort) {
    this.config = config;
    this.handlers = handlers;
    this.ready = ready;
    this.actualPort = actualPort;
  }

  @Override
  public void start(Promise<Void> started) {
    var router =
        ApiRouter.create(
            vertx,
            config.https(),
            ready,
            handlers.sessions(),
            handlers.auth(),
            handlers.tickets(),
            handlers.reference(),
            handlers.kb(),
            handlers.calls(),
            handlers.sms(),
            handlers.admin(),
            handlers.wallboard(),
            handlers.intake(),
            handlers.attachments(),
            handlers.unit(),
            handlers.reports(),
            handlers.callbacks(),
            handlers.portal());
    // No h2c upgrade: browsers never use it, and a Java client's upgrade attempt could hang on it.
    HttpServerOptions options =
        new HttpServerOptions()
            .setCompressionSupported(true)
            .setHttp2ClearTextEnabled(false)
            // Room for long Chinese query parameters (9 bytes a character once encoded), so that
            // an over-long value is refused by its field's check (400) rather than by the parser.
            .setMaxInitialLineLength(16 * 1024);
    if (config.https()) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(config.tlsCertPath())
                  .setKeyPath(config.tlsKeyPath()));
    }
    // Port 0 means any free port: Vert.x shares one random port among servers given -1.
    int port = config.httpPort() == 0 ? -1 : config.httpPort();
    vertx
        .createHttpServer(options)
        .requestHandler(router)
        .listen(port, config.httpHost())
        .onSuccess(
            s -> {
              actualPort.compareAndSet(0, s.actualPort());
              started.complete();
            })
        .onFailure(started::fail);
  }
}
