package org.hotline.telephony.ami.client;

import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.EventGeneratingAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * The AMI link, on asterisk-java's {@link ManagerConnection}: login, actions, and events handed to
 * a {@link Listener} at once (on asterisk-java's pump thread, which must never be kept busy).
 * asterisk-java reconnects by itself after a drop (DisconnectEvent, later ConnectEvent); a failed
 * first login is not retried by it, so {@link #login()} is called again by the owner.
 *
 * <p>{@link #login()}, {@link #send} and {@link #sendList} block: call them on worker threads.
 */
public final class AmiConnection implements AutoCloseable {
  /** Receives what the link reports; called on asterisk-java's event thread. */
  public interface Listener {
    void onEvent(AmiMessage event);

    /** Logged in (first time or after asterisk-java's own reconnect): resync now. */
    void onConnected();

    void onDisconnected();
  }

  private final ManagerConnection connection;
  private final long actionTimeoutMs;

  /** Creates the link (not yet connected); {@code actionTimeoutMs} also bounds TCP connect. */
  public AmiConnection(
      String host,
      int port,
      String username,
      String secret,
      long actionTimeoutMs,
      Listener listener) {
    this.connection =
        new ManagerConnectionFactory(host, port, username, secret).createManagerConnection();
    this.actionTimeoutMs = actionTimeoutMs;
    if (connection instanceof ManagerConnectionImpl impl) {
      impl.setSocketTimeout((int) actionTimeoutMs); // TCP connect timeout
      impl.setKeepAliveAfterAuthenticationFailure(true); // keep reconnecting after a refused login
    }
    connection.addEventListener(event -> dispatch(event, listener));
  }

  private static void dispatch(ManagerEvent event, Listener listener) {
    if (event instanceof ConnectEvent) {
      listener.onConnected();
    } else if (event instanceof DisconnectEvent) {
      listener.onDisconnected();
    } else if (event instanceof OriginateResponseEvent
        || !(event instanceof ResponseEvent r && r.getInternalActionId() != null)) {
      // list items of our own resync actions are read from sendList, not from the live stream
      listener.onEvent(AsteriskJavaEvents.toMessage(event));
    }
  }

  /** Logs in when not connected; throws when Asterisk is unreachable or refuses the login. */
  public void login() throws Exception {
    ManagerConnectionState s = connection.getState();
    if (s == ManagerConnectionState.INITIAL || s == ManagerConnectionState.DISCONNECTED) {
      connection.login();
    }
  }

  /** True when logged in; false while down or while asterisk-java reconnects. */
  public boolean connected() {
    return connection.getState() == ManagerConnectionState.CONNECTED;
  }

  /** True when asterisk-java has given up (or never connected): the owner must log in again. */
  public boolean needsLogin() {
    ManagerConnectionState s = connection.getState();
    return s == ManagerConnectionState.INITIAL || s == ManagerConnectionState.DISCONNECTED;
  }

  /**
   * Sends an action and waits for its response: {@code Response}, {@code ActionID}, {@code
   * Message}.
   */
  public AmiMessage send(ManagerAction action) throws Exception {
    ManagerResponse r = connection.sendAction(action, actionTimeoutMs);
    return AmiMessage.builder()
        .add("Response", r instanceof ManagerError ? "Error" : r.getResponse())
        .add("ActionID", r.getActionId())
        .add("Message", r.getMessage())
        .build();
  }

  /** Sends a list action (QueueStatus, CoreShowChannels) and returns its events, in order. */
  public List<AmiMessage> sendList(EventGeneratingAction action) throws Exception {
    ResponseEvents re = connection.sendEventGeneratingAction(action, actionTimeoutMs);
    if (re.getResponse() instanceof ManagerError) {
      throw new IllegalStateException(
          action.getAction() + " refused: " + re.getResponse().getMessage());
    }
    List<AmiMessage> out = new ArrayList<>();
    for (ResponseEvent e : re.getEvents()) {
      out.add(AsteriskJavaEvents.toMessage(e));
    }
    return out;
  }

  /** Sends a Ping and waits at most {@code timeoutMs}; false when Asterisk did not answer. */
  public boolean ping(long timeoutMs) {
    try {
      return connection.sendAction(new PingAction(), timeoutMs) != null;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Closes a link that looks alive to asterisk-java but answers nothing (dead TCP, hung Asterisk).
   * Afterwards {@link #needsLogin()} is true and the owner logs in again.
   */
  public void drop() {
    close();
  }

  @Override
  public void close() {
    ManagerConnectionState s = connection.getState();
    if (s == ManagerConnectionState.CONNECTED || s == ManagerConnectionState.RECONNECTING) {
      connection.logoff();
    }
  }
}
