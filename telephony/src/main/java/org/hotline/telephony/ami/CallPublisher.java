package org.hotline.telephony.ami;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotline.telephony.TelephonyAddresses;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.hotline.telephony.ami.records.CallNotice;
import org.hotline.telephony.ami.records.CallRecordAssembler;
import org.hotline.telephony.ami.records.CallTransfer;
import org.hotline.telephony.ami.state.DailyFigures;

/**
 * Publishes what the call record assembler noticed (screen pop, missed call, finished record),
 * counts it in today's figures, and matches OriginateResponse events to the platform's own
 * originates. Runs on the AMI verticle's event loop.
 */
final class CallPublisher {
  private final EventBus bus;
  private final CallRecordAssembler assembler;
  private final DailyFigures figures;
  private final Map<String, JsonObject> pendingOriginates = new HashMap<>();
  private final Map<String, String> conferenceLegs = new HashMap<>();

  CallPublisher(EventBus bus, CallRecordAssembler assembler, DailyFigures figures) {
    this.bus = bus;
    this.assembler = assembler;
    this.figures = figures;
  }

  void publish(List<CallNotice> notices) {
    for (CallNotice n : notices) {
      if (n instanceof CallNotice.AgentConnected c) {
        figures.answered(c.queue(), c.waitSeconds(), c.at());
        bus.publish(TelephonyAddresses.AGENT_CONNECTED, TelephonyJson.screenPop(c));
      } else if (n instanceof CallNotice.AgentCompleted c) {
        figures.completed(c.queue(), c.talkSeconds(), c.at());
      } else if (n instanceof CallNotice.CallMissed m) {
        if ("abandoned".equals(m.reason())) {
          figures.abandoned(m.queue(), m.at());
        }
        bus.publish(TelephonyAddresses.CALL_MISSED, TelephonyJson.missed(m));
      } else if (n instanceof CallNotice.CallEnded ended) {
        bus.publish(TelephonyAddresses.CALL_ENDED, TelephonyJson.record(ended.record()));
      }
    }
  }

  /** Registered before the Originate is sent: its OriginateResponse may beat the reply. */
  void expectOriginate(String actionId, JsonObject request) {
    pendingOriginates.put(actionId, request);
  }

  void forgetOriginate(String actionId) {
    pendingOriginates.remove(actionId);
  }

  /** The Originate {@code actionId} brings an emergency target into call {@code callId}'s room. */
  void expectConferenceLeg(String actionId, String callId) {
    conferenceLegs.put(actionId, callId);
  }

  /** An OriginateResponse event: publish the outcome of our originate, mark the call outbound. */
  void originateResponse(AmiMessage e, Instant at) {
    String conferenceCall = conferenceLegs.remove(e.get("ActionID"));
    if (conferenceCall != null) { // success shows as ConfbridgeJoin; a failure only here
      if (!"Success".equalsIgnoreCase(e.get("Response"))) {
        assembler.transferResult(conferenceCall, CallTransfer.CONFERENCE, CallTransfer.FAILED);
      }
      return;
    }
    JsonObject req = pendingOriginates.remove(e.get("ActionID"));
    if (req == null) {
      return; // not ours (another AMI client's originate)
    }
    boolean ok = "Success".equalsIgnoreCase(e.get("Response"));
    String uid = e.text("Uniqueid", null);
    if (ok && uid != null) {
      assembler.originated(uid, AmiActions.originateInfo(req));
    }
    bus.publish(
        TelephonyAddresses.ORIGINATE_RESULT,
        req.copy()
            .put("actionId", e.get("ActionID"))
            .put("ok", ok)
            .put("reason", e.number("Reason", -1))
            .put("uniqueId", uid)
            .put("at", TelephonyJson.time(at)));
  }
}
