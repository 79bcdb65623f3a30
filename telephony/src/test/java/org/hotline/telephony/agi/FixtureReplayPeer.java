package org.hotline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Plays back the exact bytes Asterisk sent in a recorded session: the {@code agi_*} block in
 * several writes, then, for each command the server writes, the recorded lines up to and including
 * the next reply (so a recorded {@code HANGUP} line comes between a command and its reply, where
 * Asterisk sent it). Records every byte the server sent.
 */
final class FixtureReplayPeer {
  private final Vertx vertx;
  private final String environment;
  private final Deque<String> lines;
  private final Buffer received = Buffer.buffer();
  private final Promise<String> done = Promise.promise();
  private NetSocket socket;

  private FixtureReplayPeer(Vertx vertx, String fromAsterisk) {
    this.vertx = vertx;
    int end = fromAsterisk.indexOf("\n\n") + 2;
    this.environment = fromAsterisk.substring(0, end);
    this.lines = new ArrayDeque<>(Arrays.asList(fromAsterisk.substring(end).split("(?<=\n)")));
  }

  static String fixture(String name) {
    try (InputStream in =
        FixtureReplayPeer.class.getResourceAsStream("/fixtures/asterisk/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reply lines (status lines, without HANGUP notices) after the agi_* block, without "\n". */
  static List<String> replyLines(String fromAsterisk) {
    List<String> replies = new ArrayList<>();
    String afterEnvironment = fromAsterisk.substring(fromAsterisk.indexOf("\n\n") + 2);
    for (String line : afterEnvironment.split("\n")) {
      if (!line.equals("HANGUP") && !line.isEmpty()) {
        replies.add(line);
      }
    }
    return replies;
  }

  /** Completes with everything the server sent, once the server closed the socket. */
  static Future<String> replay(Vertx vertx, NetClient client, int port, String fromAsterisk) {
    FixtureReplayPeer peer = new FixtureReplayPeer(vertx, fromAsterisk);
    return client.connect(port, "127.0.0.1").compose(peer::run);
  }

  private Future<String> run(NetSocket connected) {
    socket = connected;
    socket.handler(RecordParser.newDelimited("\n", this::onCommand));
    socket.closeHandler(v -> done.tryComplete(received.toString(StandardCharsets.UTF_8)));
    int third = environment.length() / 3;
    writeLater(
        List.of(
            environment.substring(0, third),
            environment.substring(third, 2 * third),
            environment.substring(2 * third)),
        0);
    return done.future();
  }

  private void writeLater(List<String> chunks, int index) {
    if (index < chunks.size()) {
      socket.write(chunks.get(index));
      vertx.setTimer(2, id -> writeLater(chunks, index + 1));
    }
  }

  private void onCommand(Buffer line) {
    received.appendBuffer(line).appendString("\n");
    StringBuilder reply = new StringBuilder();
    while (!lines.isEmpty()) {
      String next = lines.poll();
      reply.append(next);
      if (!next.equals("HANGUP\n")) {
        break;
      }
    }
    if (lines.stream().allMatch("HANGUP\n"::equals)) {
      lines.forEach(reply::append); // Asterisk's HANGUP after the script's last command
      lines.clear();
    }
    socket.write(reply.toString());
  }
}
