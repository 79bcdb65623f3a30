package org.hotline.telephony.sim.ami;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * The simulated PBX's manager interface: a real TCP server that speaks AMI as Asterisk 22 does
 * (banner {@code Asterisk Call Manager/11.0.0}, CRLF lines, blank-line-terminated packets, ActionID
 * echoed, the same event names and field order). The calls themselves are driven through {@link
 * #pbx()}; this class adds the sockets, the logins and the AMI actions.
 *
 * <p>Thread-safe. One daemon thread accepts, one per connection reads.
 */
public final class SimulatedAmiServer implements AutoCloseable {
  private final SimulatedPbx pbx;
  private final String username;
  private final String secret;
  private final SimActions actions;
  private final Set<AmiSession> sessions = ConcurrentHashMap.newKeySet();
  private final List<String> actionLog = Collections.synchronizedList(new ArrayList<>());
  private final ScheduledExecutorService scheduler;
  private ServerSocket serverSocket;
  private volatile boolean refuseLogins;
  private volatile boolean silent;

  /**
   * The simulator as the platform runs it when no Asterisk is configured: loopback, any free port,
   * a random secret; {@link #verticleConfig()} gives the AMI verticle's config for it.
   */
  public static SimulatedAmiServer onLoopback(SimulatedPbx pbx) {
    String secret = java.util.UUID.randomUUID().toString();
    return new SimulatedAmiServer(pbx, "hotline", secret).start("127.0.0.1", 0);
  }

  /** Config for {@code AmiVerticle} pointing at this server, marked {@code simulated}. */
  public io.vertx.core.json.JsonObject verticleConfig() {
    return new io.vertx.core.json.JsonObject()
        .put("amiHost", serverSocket.getInetAddress().getHostAddress())
        .put("amiPort", port())
        .put("amiUsername", username)
        .put("amiSecret", secret)
        .put("queues", new io.vertx.core.json.JsonArray(List.copyOf(pbx.queues.keySet())))
        .put("simulated", true);
  }

  public SimulatedAmiServer(SimulatedPbx pbx, String username, String secret) {
    this.pbx = pbx;
    this.username = username;
    this.secret = secret;
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-ami-timer"));
    this.actions = new SimActions(pbx, this, username, secret);
    pbx.sink(this::broadcast);
  }

  /** Binds (port 0 = any free port) on the given host, normally 127.0.0.1, and starts accepting. */
  public SimulatedAmiServer start(String host, int port) {
    try {
      serverSocket = new ServerSocket();
      serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::acceptLoop, "sim-ami-accept").start();
    return this;
  }

  public int port() {
    return serverSocket.getLocalPort();
  }

  public SimulatedPbx pbx() {
    return pbx;
  }

  /** Closes every manager connection at once, as when Asterisk restarts or the network drops. */
  public void dropConnections() {
    List.copyOf(sessions).forEach(AmiSession::close);
  }

  /** Logged-in connections. */
  public int connections() {
    return (int) sessions.stream().filter(s -> s.authenticated && !s.closing).count();
  }

  /** Names of the actions received so far, in order (for tests). */
  public List<String> actionsReceived() {
    synchronized (actionLog) {
      return List.copyOf(actionLog);
    }
  }

  /** While true, every Login fails with "Authentication failed" (a wrong or changed secret). */
  public void refuseLogins(boolean refuse) {
    this.refuseLogins = refuse;
  }

  /**
   * While true, the server keeps its sockets open but neither answers nor sends anything: a dead
   * link (a NAT timeout, a hung Asterisk) that only a read timeout can notice.
   */
  public void silence(boolean silent) {
    this.silent = silent;
  }

  boolean refusingLogins() {
    return refuseLogins;
  }

  /** Delay before a failed login's error, as Asterisk waits 1 s (default). */
  public void authFailureDelay(Duration delay) {
    actions.authFailureDelay = delay;
  }

  /** Originates to this number fail (OriginateResponse Failure, Reason 0). */
  public void failOriginatesTo(String number) {
    actions.failingNumbers.add(number);
  }

  /**
   * Sends recorded live events (e.g. Asterisk's side of a real session) to every logged-in
   * connection, in order, as if they were happening now. Packets that answer an action (with an
   * ActionID) and responses are skipped: they belong to the recorded client, not to ours.
   */
  public void replay(List<AmiMessage> recorded) {
    synchronized (pbx) {
      recorded.stream()
          .filter(m -> m.eventName() != null && m.get("ActionID") == null)
          .forEach(this::broadcast);
    }
  }

  void handle(AmiSession session, AmiMessage action) {
    actionLog.add(action.actionName() == null ? "?" : action.actionName());
    if (silent) {
      return;
    }
    synchronized (pbx) {
      actions.handle(session, action);
    }
  }

  void schedule(Runnable task, Duration delay) {
    scheduler.schedule(
        () -> {
          synchronized (pbx) {
            task.run();
          }
        },
        delay.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void closed(AmiSession session) {
    sessions.remove(session);
  }

  private void broadcast(AmiMessage event) {
    if (silent) {
      return;
    }
    for (AmiSession s : sessions) {
      if (s.wants(event)) {
        s.write(event);
      }
    }
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        AmiSession session = new AmiSession(socket, this);
        sessions.add(session);
        daemon(session, "sim-ami-session").start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() {
    try {
      if (serverSocket != null) {
        serverSocket.close();
      }
    } catch (IOException ignored) {
      // closing anyway
    }
    dropConnections();
    scheduler.shutdownNow();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
