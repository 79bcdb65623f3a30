package org.hotline.telephony.sim.ami;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hotline.telephony.ami.protocol.AmiMessage;

/**
 * The AMI actions the simulator understands, answered as Asterisk 22 answers them. Called with the
 * pbx locked, so a response is always written before the events it causes.
 */
final class SimActions {
  private final SimulatedPbx pbx;
  private final SimulatedAmiServer server;
  private final String username;
  private final String secret;
  private final SimCallActions calls;
  volatile Duration authFailureDelay = Duration.ofSeconds(1);
  final Set<String> failingNumbers = ConcurrentHashMap.newKeySet();

  SimActions(SimulatedPbx pbx, SimulatedAmiServer server, String username, String secret) {
    this.pbx = pbx;
    this.server = server;
    this.username = username;
    this.secret = secret;
    this.calls = new SimCallActions(pbx, server, failingNumbers);
  }

  void handle(AmiSession s, AmiMessage a) {
    if (s.rejected) {
      return;
    }
    String name = a.actionName() == null ? "" : a.actionName().toLowerCase();
    String id = a.get("ActionID");
    switch (name) {
      case "login" -> login(s, a, id);
      case "challenge" -> {
        s.challenge = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        s.write(AmiEventFactory.response("Success", id).add("Challenge", s.challenge).build());
      }
      case "logoff" -> {
        s.write(
            AmiEventFactory.response("Goodbye", id)
                .add("Message", "Thanks for all the fish.")
                .build());
        s.close();
      }
      default -> {
        if (!s.authenticated) {
          s.write(error(id, "Authentication Required"));
        } else {
          authenticated(s, a, name, id);
        }
      }
    }
  }

  private void authenticated(AmiSession s, AmiMessage a, String name, String id) {
    switch (name) {
      case "ping" ->
          s.write(
              AmiEventFactory.response("Success", id)
                  .add("Ping", "Pong")
                  .add(
                      "Timestamp",
                      String.format("%d.%06d", pbx.epoch(), pbx.clock.instant().getNano() / 1000))
                  .build());
      case "coresettings" -> s.write(coreSettings(id));
      case "command" ->
          s.write(
              AmiEventFactory.response("Success", id)
                  .add("Output", "Asterisk 22.10.1 built by hotline-simulator")
                  .build());
      case "events" -> {
        s.eventMask = a.text("EventMask", "on");
        boolean off = s.eventMask.equalsIgnoreCase("off");
        s.write(AmiEventFactory.response("Success", id).add("Events", off ? "Off" : "On").build());
      }
      case "queuestatus" -> SimListActions.queueStatus(pbx, s, a.text("Queue", null), id);
      case "queuesummary" -> SimListActions.queueSummary(pbx, s, id);
      case "coreshowchannels" -> SimListActions.coreShowChannels(pbx, s, id);
      case "queueadd", "queueremove", "queuepause", "originate", "redirect", "hangup", "atxfer" ->
          calls.handle(s, a, name, id);
      default -> s.write(error(id, "Invalid/unknown command"));
    }
  }

  private void login(AmiSession s, AmiMessage a, String id) {
    boolean ok =
        !server.refusingLogins() && username.equals(a.get("Username")) && secretMatches(s, a);
    if (!ok) {
      s.rejected = true;
      server.schedule(
          () -> {
            s.write(error(id, "Authentication failed"));
            s.close();
          },
          authFailureDelay);
      return;
    }
    s.authenticated = true;
    if (a.get("Events") != null) {
      s.eventMask = a.get("Events");
    }
    s.write(
        AmiEventFactory.response("Success", id).add("Message", "Authentication accepted").build());
    AmiMessage booted =
        AmiEventFactory.event("FullyBooted", "system,all")
            .add("Uptime", 3600)
            .add("LastReload", 3600)
            .add("Status", "Fully Booted")
            .build();
    if (s.wants(booted)) {
      s.write(booted);
    }
  }

  private boolean secretMatches(AmiSession s, AmiMessage a) {
    if ("md5".equalsIgnoreCase(a.get("AuthType"))) {
      return s.challenge != null && md5(s.challenge + secret).equalsIgnoreCase(a.text("Key", ""));
    }
    return secret.equals(a.get("Secret"));
  }

  private AmiMessage coreSettings(String id) {
    return AmiEventFactory.response("Success", id)
        .add("AMIversion", "11.0.0")
        .add("AsteriskVersion", "22.10.1")
        .add("SystemName", "")
        .add("CoreMaxCalls", 0)
        .add("CoreMaxLoadAvg", "0.000000")
        .add("CoreRunUser", "")
        .add("CoreRunGroup", "")
        .add("CoreMaxFilehandles", 0)
        .add("CoreRealTimeEnabled", "No")
        .add("CoreCDRenabled", "Yes")
        .add("CoreHTTPenabled", "No")
        .add("SoundsSearchCustomDir", "No")
        .build();
  }

  static AmiMessage error(String id, String message) {
    return AmiEventFactory.response("Error", id).add("Message", message).build();
  }

  static AmiMessage success(String id, String message) {
    return AmiEventFactory.response("Success", id).add("Message", message).build();
  }

  private static String md5(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
