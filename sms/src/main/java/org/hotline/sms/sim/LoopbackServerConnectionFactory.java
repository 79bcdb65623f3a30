package org.hotline.sms.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;

/**
 * Listens on the loopback interface only (jsmpp's default factory binds 0.0.0.0) and remembers the
 * port actually bound, so port 0 can be used.
 */
final class LoopbackServerConnectionFactory implements ServerConnectionFactory {

  private volatile int boundPort = -1;

  int boundPort() {
    return boundPort;
  }

  @Override
  public ServerConnection listen(int port) throws IOException {
    return listen(port, 0, 50);
  }

  @Override
  public ServerConnection listen(int port, int timeout) throws IOException {
    return listen(port, timeout, 50);
  }

  @Override
  public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
    ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
    socket.setSoTimeout(timeout);
    boundPort = socket.getLocalPort();
    return new ServerSocketConnection(socket);
  }
}
