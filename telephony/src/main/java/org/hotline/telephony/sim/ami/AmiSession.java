package org.hotline.telephony.sim.ami;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.hotline.telephony.ami.protocol.AmiMessageReader;

/** One manager connection to the simulator: its login state, event filter and socket. */
final class AmiSession implements Runnable {
  static final String BANNER = "Asterisk Call Manager/11.0.0\r\n";

  private final Socket socket;
  private final SimulatedAmiServer server;
  private final OutputStream out;
  volatile boolean authenticated;
  volatile String eventMask = "on";
  volatile String challenge;
  volatile boolean closing;

  /** Set after a failed login: Asterisk ignores the connection until it closes it. */
  volatile boolean rejected;

  AmiSession(Socket socket, SimulatedAmiServer server) throws IOException {
    this.socket = socket;
    this.server = server;
    this.out = socket.getOutputStream();
  }

  @Override
  public void run() {
    try {
      writeRaw(BANNER);
      AmiMessageReader reader =
          new AmiMessageReader(new BufferedInputStream(socket.getInputStream()));
      AmiMessage action;
      while (!closing && (action = reader.read()) != null) {
        server.handle(this, action);
      }
    } catch (IOException e) {
      // the peer went away or we dropped it: nothing to do but close
    } finally {
      close();
    }
  }

  /** True when this session wants the event (logged in, events on, privilege in the mask). */
  boolean wants(AmiMessage event) {
    if (!authenticated || closing) {
      return false;
    }
    String mask = eventMask == null ? "on" : eventMask.trim().toLowerCase();
    if (mask.equals("off") || mask.equals("no") || mask.equals("false")) {
      return false;
    }
    if (mask.equals("on") || mask.equals("yes") || mask.equals("true") || mask.isEmpty()) {
      return true;
    }
    String privilege = event.get("Privilege");
    if (privilege == null) {
      return true;
    }
    for (String cls : mask.split(",")) {
      if (privilege.contains(cls.trim())) {
        return true;
      }
    }
    return false;
  }

  void write(AmiMessage m) {
    writeRaw(m.toWire());
  }

  synchronized void writeRaw(String text) {
    if (socket.isClosed()) {
      return;
    }
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      close();
    }
  }

  void close() {
    closing = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
    server.closed(this);
  }
}
