package org.hotline.telephony.sim.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.telephony.ami.AmiFixtures;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.hotline.telephony.ami.protocol.AmiMessageReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator at byte level, compared with what the real Asterisk 22 sent (fixtures). */
class SimulatedAmiServerTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T01:00:00Z"));
  private final SimulatedPbx pbx = new SimulatedPbx(clock, "hotline");
  private final SimulatedAmiServer server =
      new SimulatedAmiServer(pbx, "hotline", "secret").start("127.0.0.1", 0);

  @AfterEach
  void tearDown() {
    server.close();
  }

  /** A raw AMI peer: writes bytes, reads the banner and packets. */
  private final class Peer implements AutoCloseable {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final AmiMessageReader reader;

    Peer() throws IOException {
      socket = new Socket("127.0.0.1", server.port());
      socket.setSoTimeout(5000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      reader = new AmiMessageReader(in);
    }

    String banner() throws IOException {
      byte[] b = new byte[AmiSession.BANNER.length()];
      int n = in.readNBytes(b, 0, b.length);
      return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    void send(String wire) throws IOException {
      out.write(wire.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    String rawPacket() throws IOException {
      StringBuilder sb = new StringBuilder();
      while (!sb.toString().endsWith("\r\n\r\n")) {
        int c = in.read();
        if (c < 0) {
          break;
        }
        sb.append((char) c);
      }
      return sb.toString();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static String fixtureRaw(String name) {
    return new String(AmiFixtures.bytes(name), StandardCharsets.UTF_8);
  }

  @Test
  void failedLoginIsAnsweredLikeAsteriskAndTheSocketCloses() throws IOException {
    server.authFailureDelay(Duration.ofMillis(10));
    String toAsterisk = fixtureRaw("ami-login-failure.to-asterisk.raw");
    String fromAsterisk = fixtureRaw("ami-login-failure.from-asterisk.raw");
    try (Peer p = new Peer()) {
      p.send(toAsterisk.substring(0, toAsterisk.indexOf("\r\n\r\n") + 4)); // the Login packet
      String all = p.banner() + new String(p.in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(all).isEqualTo(fromAsterisk); // banner, the Error, then EOF
    }
  }

  @Test
  void loginPingAndQueueAddAnswerByteForByte() throws IOException {
    String from = fixtureRaw("ami-session.from-asterisk.raw");
    try (Peer p = new Peer()) {
      assertThat(p.banner()).isEqualTo("Asterisk Call Manager/11.0.0\r\n");
      assertThat(from).startsWith(AmiSession.BANNER);
      p.send(
          "Action: Login\r\nActionID: login-1\r\nUsername: hotline\r\nSecret: secret\r\nEvents: off\r\n\r\n");
      assertThat(p.rawPacket())
          .isEqualTo(
              "Response: Success\r\nActionID: login-1\r\nMessage: Authentication accepted\r\n\r\n");
      p.send("Action: Ping\r\nActionID: ping-1\r\n\r\n");
      assertThat(p.rawPacket())
          .matches(
              "Response: Success\r\nActionID: ping-1\r\nPing: Pong\r\nTimestamp: \\d+\\.\\d{6}\r\n\r\n");
      String add =
          "Action: QueueAdd\r\nActionID: qadd-1\r\nQueue: hotline\r\nInterface: Local/agent1@agents/n\r\n"
              + "MemberName: Agent 1001\r\n\r\n";
      p.send(add);
      String ok = p.rawPacket();
      assertThat(from).contains(ok);
      p.send(add.replace("qadd-1", "qadd-dup"));
      String dup = p.rawPacket();
      assertThat(dup)
          .isEqualTo(
              "Response: Error\r\nActionID: qadd-dup\r\nMessage: Unable to add interface: Already there\r\n\r\n");
      assertThat(from).contains(dup);
      p.send(
          "Action: QueueRemove\r\nActionID: qrm-missing\r\nQueue: hotline\r\nInterface: Local/nobody@agents/n\r\n\r\n");
      assertThat(from).contains(p.rawPacket());
      p.send("Action: Logoff\r\nActionID: logoff-1\r\n\r\n");
      String bye = p.rawPacket();
      assertThat(bye)
          .isEqualTo(
              "Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n\r\n");
      assertThat(p.in.read()).isEqualTo(-1);
    }
  }

  @Test
  void everyEventCarriesAsterisk22sFieldsInAsterisk22sOrder() throws IOException {
    Map<String, List<String>> real = keyOrders(AmiFixtures.sessionFromAsterisk());
    List<AmiMessage> seen = new ArrayList<>();
    try (Peer p = new Peer()) {
      p.banner();
      p.send("Action: Login\r\nUsername: hotline\r\nSecret: secret\r\n\r\n");
      p.reader.read(); // Success
      p.reader.read(); // FullyBooted
      pbx.addAgent("Local/agent1@agents/n", "Agent 1001");
      pbx.addAgent("Local/agent2@agents/n", "Agent 1002");
      String a = pbx.callerJoins("13800138000");
      pbx.ringAgent(a, "Local/agent2@agents/n");
      clock.advanceSeconds(5);
      pbx.agentRingNoAnswer(a, "Local/agent2@agents/n");
      pbx.agentAnswers(a, "Local/agent1@agents/n");
      pbx.agentHangsUp(a);
      pbx.callerHangsUp(a);
      String b = pbx.callerJoins("13900139000");
      pbx.callerAbandons(b);
      pbx.removeAgent("hotline", "Local/agent2@agents/n");
      p.send("Action: QueueStatus\r\nActionID: qs\r\n\r\n");
      p.send("Action: CoreShowChannels\r\nActionID: csc\r\n\r\n");
      pbx.callerJoins("13700137000");
      p.send("Action: QueueStatus\r\nActionID: qs2\r\n\r\n");
      pbx.callerArrives("13600136000");
      p.send("Action: CoreShowChannels\r\nActionID: csc2\r\n\r\n");
      AmiMessage m;
      int completes = 0;
      while (completes < 4 && (m = p.reader.read()) != null) {
        seen.add(m);
        if (m.eventName() != null
            && m.get("EventList") != null
            && m.eventName().endsWith("Complete")) {
          completes++;
        }
      }
    }
    Map<String, List<String>> sim = keyOrders(seen);
    assertThat(sim.keySet())
        .contains(
            "QueueCallerJoin",
            "QueueCallerLeave",
            "QueueCallerAbandon",
            "AgentCalled",
            "AgentConnect",
            "AgentComplete",
            "AgentRingNoAnswer",
            "QueueMemberAdded",
            "QueueMemberRemoved",
            "QueueMemberStatus",
            "Newchannel",
            "Hangup",
            "QueueParams",
            "QueueMember",
            "QueueEntry",
            "CoreShowChannel",
            "QueueStatusComplete",
            "CoreShowChannelsComplete");
    for (Map.Entry<String, List<String>> e : sim.entrySet()) {
      if (real.containsKey(e.getKey())) {
        assertThat(e.getValue()).as(e.getKey()).isEqualTo(real.get(e.getKey()));
      }
    }
  }

  private static Map<String, List<String>> keyOrders(List<AmiMessage> packets) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (AmiMessage m : packets) {
      if (m.eventName() != null) {
        out.putIfAbsent(m.eventName(), m.fields().stream().map(Map.Entry::getKey).toList());
      }
    }
    return out;
  }
}
