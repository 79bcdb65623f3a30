package org.hotline.telephony.ami;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.UUID;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.hotline.telephony.ami.records.CallTransfer;
import org.hotline.telephony.ami.state.ActiveChannel;

/**
 * 紧急转接: hands a caller to 110/119/120/122 (or another configured number) in one step, in one of
 * three ways, and notes it on the call record:
 *
 * <ul>
 *   <li>{@code redirect} (alias {@code blind}): AMI Redirect of the caller's channel to {@code
 *       transferContext,<target>,1}; the agent is free at once.
 *   <li>{@code attended}: AMI Atxfer on the agent's leg; the agent speaks to the target first and
 *       completes the transfer by hanging up (Asterisk reports AttendedTransfer).
 *   <li>{@code conference}: a dual Redirect moves caller and agent into {@code
 *       conferenceContext,hotline-<callId>} (ConfBridge), then an Originate of {@code
 *       Local/<target>@transferContext} into the same room; the leg's ChannelId is chosen here so
 *       that its events belong to the call. Asterisk reports ConfbridgeJoin.
 * </ul>
 */
final class EmergencyTransfers {
  private final AmiVerticle ami;

  EmergencyTransfers(AmiVerticle ami) {
    this.ami = ami;
  }

  Future<JsonObject> transfer(String callId, String target, String mode, ActiveChannel caller) {
    return switch (mode) {
      case "redirect", "blind" -> redirect(callId, target, caller);
      case "attended" -> attended(callId, target);
      case "conference" -> conference(callId, target, caller);
      default -> throw new IllegalArgumentException("mode: redirect, attended or conference");
    };
  }

  private Future<JsonObject> redirect(String callId, String target, ActiveChannel caller) {
    return ami.send(new RedirectAction(caller.name(), ami.settings().transferContext(), target, 1))
        .map(
            r -> {
              ami.noteTransfer(callId, CallTransfer.REDIRECT, target, CallTransfer.SUCCESS);
              return reply(callId, target, CallTransfer.REDIRECT);
            });
  }

  private Future<JsonObject> attended(String callId, String target) {
    ActiveChannel agent = agentLeg(callId);
    // noted before sending: Asterisk's AttendedTransfer event completes the entry
    ami.noteTransfer(callId, CallTransfer.ATTENDED, target, CallTransfer.REQUESTED);
    return ami.send(new AtxferAction(agent.name(), ami.settings().transferContext(), target, 1))
        .onFailure(e -> ami.transferResult(callId, CallTransfer.ATTENDED, CallTransfer.FAILED))
        .map(r -> reply(callId, target, CallTransfer.ATTENDED).put("agentChannel", agent.name()));
  }

  private Future<JsonObject> conference(String callId, String target, ActiveChannel caller) {
    ActiveChannel agent = agentLeg(callId);
    AmiSettings s = ami.settings();
    String room = "hotline-" + callId.replaceAll("[^A-Za-z0-9._-]", "_");
    String legId = "conf-" + UUID.randomUUID();
    ami.conferenceOpened(callId, room, legId);
    ami.noteTransfer(callId, CallTransfer.CONFERENCE, target, CallTransfer.REQUESTED);
    RedirectAction both = new RedirectAction(caller.name(), s.conferenceContext(), room, 1);
    both.setExtraChannel(agent.name());
    both.setExtraContext(s.conferenceContext());
    both.setExtraExten(room);
    both.setExtraPriority(1);
    OriginateAction leg = new OriginateAction();
    leg.setChannel("Local/" + target + "@" + s.transferContext());
    leg.setApplication("ConfBridge");
    leg.setData(room);
    leg.setCallerId(s.callerId());
    leg.setTimeout(s.originateTimeoutMs());
    leg.setAsync(true);
    leg.setChannelId(legId);
    leg.setOtherChannelId(legId + "-2");
    String actionId = "conf-" + UUID.randomUUID();
    leg.setActionId(actionId);
    return ami.send(both)
        .compose(
            r -> {
              ami.expectConferenceLeg(actionId, callId);
              return ami.send(leg);
            })
        .onFailure(e -> ami.transferResult(callId, CallTransfer.CONFERENCE, CallTransfer.FAILED))
        .map(r -> reply(callId, target, CallTransfer.CONFERENCE).put("conference", room));
  }

  private ActiveChannel agentLeg(String callId) {
    return ami.state()
        .peer(callId)
        .orElseThrow(
            () -> new IllegalArgumentException("callId: call " + callId + " has no agent leg"));
  }

  private static JsonObject reply(String callId, String target, String kind) {
    return new JsonObject()
        .put("callId", callId)
        .put("target", target)
        .put("mode", kind.toLowerCase(Locale.ROOT));
  }
}
