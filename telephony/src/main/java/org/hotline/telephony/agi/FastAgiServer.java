package org.hotline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An event-driven FastAGI server on Vert.x's {@link NetServer}: no thread per call, each session is
 * a small state machine on an event loop. Asterisk connects for {@code
 * AGI(agi://host:port/<script>?query,args)}; the script is chosen by name from the map given at
 * construction. Start it from a Vert.x context (a verticle) so sessions share that event loop.
 */
public final class FastAgiServer {
  private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

  private final Vertx vertx;
  private final FastAgiOptions options;
  private final Map<String, AgiScript> scripts;
  private final AgiServerStats stats = new AgiServerStats();
  private NetServer server;

  public FastAgiServer(Vertx vertx, FastAgiOptions options, Map<String, AgiScript> scripts) {
    this.vertx = vertx;
    this.options = options;
    this.scripts = Map.copyOf(scripts);
  }

  /** Binds the port; the future holds the actual port (useful with port 0). */
  public Future<Integer> start() {
    NetServerOptions netOptions =
        new NetServerOptions()
            .setHost(options.host())
            .setPort(options.port())
            .setTcpNoDelay(true)
            .setAcceptBacklog(4096);
    server = vertx.createNetServer(netOptions).connectHandler(this::accept);
    return server
        .listen()
        .map(
            bound -> {
              log.info(
                  "FastAGI server listening on {}:{} with scripts {}",
                  options.host(),
                  bound.actualPort(),
                  scripts.keySet());
              return bound.actualPort();
            });
  }

  private void accept(NetSocket socket) {
    if (stats.activeSessions() >= options.maxSessions()) {
      stats.sessionRejected();
      log.warn(
          "FastAGI: {} sessions open, refusing {}", stats.activeSessions(), socket.remoteAddress());
      socket.close();
      return;
    }
    new AgiSession(vertx, socket, options, scripts::get, stats).start();
  }

  /** The actual port, once started. */
  public int port() {
    return server == null ? -1 : server.actualPort();
  }

  public AgiServerStats stats() {
    return stats;
  }

  /** Stops accepting and closes the listening socket; open sessions are closed by Vert.x. */
  public Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
