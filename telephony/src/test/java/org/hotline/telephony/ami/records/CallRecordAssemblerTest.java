package org.hotline.telephony.ami.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.telephony.ami.Events.call;
import static org.hotline.telephony.ami.Events.of;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.junit.jupiter.api.Test;

class CallRecordAssemblerTest {
  private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
  private final CallRecordAssembler a = new CallRecordAssembler();
  private final List<CallNotice> notices = new ArrayList<>();

  private void at(long second, AmiMessage e) {
    notices.addAll(a.apply(e, T0.plusSeconds(second)));
  }

  private AmiMessage newchannel(String uid, String number) {
    return of(
        "Newchannel",
        "Uniqueid",
        uid,
        "Linkedid",
        uid,
        "Channel",
        "PJSIP/trunk-" + uid,
        "CallerIDNum",
        number,
        "Exten",
        "12345");
  }

  private CallRecord ended() {
    return notices.stream()
        .filter(n -> n instanceof CallNotice.CallEnded)
        .map(n -> ((CallNotice.CallEnded) n).record())
        .findFirst()
        .orElseThrow();
  }

  private List<CallNotice.CallMissed> missed() {
    return notices.stream()
        .filter(n -> n instanceof CallNotice.CallMissed)
        .map(n -> (CallNotice.CallMissed) n)
        .toList();
  }

  @Test
  void voicemailRouteMakesAVoicemailRecordAndNoMissedCall() {
    at(0, newchannel("1.1", "138"));
    at(3, call("VarSet", "1.1", "138", "Variable", "HOTLINE_ROUTE", "Value", "voicemail"));
    at(40, call("Hangup", "1.1", "138"));
    assertThat(ended().outcome()).isEqualTo(CallOutcome.VOICEMAIL);
    assertThat(missed()).isEmpty();
  }

  @Test
  void hangingUpInTheIvrAfterChoosingAnAgentIsMissed() {
    at(0, newchannel("1.1", "138"));
    at(3, call("VarSet", "1.1", "138", "Variable", "HOTLINE_ROUTE", "Value", "queue"));
    at(4, call("Hangup", "1.1", "138"));
    assertThat(ended().outcome()).isEqualTo(CallOutcome.IVR);
    assertThat(missed())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.reason()).isEqualTo("ivr-hangup");
              assertThat(m.number()).isEqualTo("138");
            });
  }

  @Test
  void selfServiceInTheIvrIsNotMissed() {
    at(0, newchannel("1.1", "138"));
    at(30, call("Hangup", "1.1", "138"));
    assertThat(ended().outcome()).isEqualTo(CallOutcome.IVR);
    assertThat(ended().partial()).isFalse();
    assertThat(missed()).isEmpty();
  }

  @Test
  void waitAndTalkFallBackToEventTimesWhenAsteriskGivesNone() {
    at(0, newchannel("1.1", "138"));
    at(5, call("QueueCallerJoin", "1.1", "138"));
    at(25, call("AgentConnect", "1.1", "138", "Interface", "PJSIP/1001", "MemberName", "1001"));
    at(85, call("Hangup", "1.1", "138"));
    CallRecord r = ended();
    assertThat(r.waitSeconds()).isZero(); // AgentConnect without HoldTime: Asterisk said 0
    assertThat(r.talkSeconds()).isEqualTo(60);
    assertThat(r.queuedAt()).isEqualTo(T0.plusSeconds(5));
  }

  @Test
  void queuedCallThatEndsWithoutJoinOrAbandonCountsItsWait() {
    at(0, newchannel("1.1", "138"));
    at(5, call("QueueCallerJoin", "1.1", "138"));
    at(17, call("Hangup", "1.1", "138"));
    assertThat(ended().waitSeconds()).isEqualTo(12);
  }

  @Test
  void transferAndRecordingAreNoted() {
    at(0, newchannel("1.1", "138"));
    at(1, call("QueueCallerJoin", "1.1", "138"));
    at(
        2,
        call(
            "AgentConnect",
            "1.1",
            "138",
            "Interface",
            "PJSIP/1001",
            "MemberName",
            "1001",
            "HoldTime",
            "1"));
    at(2, call("Newexten", "1.1", "138", "Application", "MixMonitor", "AppData", "/rec/1.1.wav,b"));
    a.transferRequested(
        "1.1", CallTransfer.REDIRECT, "110", CallTransfer.SUCCESS, T0.plusSeconds(5));
    at(9, call("Hangup", "1.1", "138"));
    assertThat(ended().transferTarget()).isEqualTo("110");
    assertThat(ended().transfers())
        .containsExactly(
            new CallTransfer("redirect", "110", T0.plusSeconds(5), CallTransfer.SUCCESS));
    assertThat(ended().recording()).isEqualTo("/rec/1.1.wav");
  }

  @Test
  void originatedCallIsOutboundWithItsTicket() {
    at(
        0,
        of(
            "Newchannel",
            "Uniqueid",
            "5.1",
            "Linkedid",
            "5.1",
            "Channel",
            "PJSIP/1001-1",
            "Exten",
            "13800138000"));
    a.originated(
        "5.1", new CallRecordAssembler.OriginateInfo("13800138000", "1001", List.of("T-1"), "77"));
    at(30, of("Hangup", "Uniqueid", "5.1"));
    CallRecord r = ended();
    assertThat(r.outbound()).isTrue();
    assertThat(r.caller()).isEqualTo("13800138000");
    assertThat(r.agent()).isEqualTo("1001");
    assertThat(r.ticketIds()).containsExactly("T-1");
    assertThat(r.taskId()).isEqualTo("77");
    assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
  }

  @Test
  void reconcileEndsVanishedCallsAndAdoptsUnknownOnes() {
    at(0, newchannel("1.1", "138"));
    List<CallNotice> out =
        a.reconcile(
            List.of(
                of(
                    "CoreShowChannel",
                    "Uniqueid",
                    "2.2",
                    "Linkedid",
                    "2.2",
                    "Channel",
                    "PJSIP/trunk-2",
                    "CallerIDNum",
                    "139",
                    "Application",
                    "Queue",
                    "ApplicationData",
                    "hotline,c,,,30",
                    "Duration",
                    "00:01:05")),
            T0.plusSeconds(100));
    assertThat(out).singleElement().isInstanceOf(CallNotice.CallEnded.class);
    assertThat(((CallNotice.CallEnded) out.get(0)).record().partial()).isTrue();
    assertThat(a.callsInProgress()).isEqualTo(1);
    notices.clear();
    at(120, call("QueueCallerAbandon", "2.2", "139", "HoldTime", "80"));
    at(120, call("Hangup", "2.2", "139"));
    CallRecord r = ended();
    assertThat(r.enteredAt()).isEqualTo(T0.plusSeconds(35));
    assertThat(r.queue()).isEqualTo("hotline");
    assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(missed()).hasSize(1);
  }

  private void answered(String uid) {
    at(0, newchannel(uid, "138"));
    at(1, call("QueueCallerJoin", uid, "138"));
    at(3, call("AgentConnect", uid, "138", "Interface", "PJSIP/1001", "MemberName", "1001"));
  }

  @Test
  void aBlindTransferMadeOnTheSoftphoneIsListed() {
    answered("1.1");
    at(
        20,
        of(
            "BlindTransfer",
            "Result",
            "Success",
            "TransfererUniqueid",
            "1.2",
            "TransfereeUniqueid",
            "1.1",
            "Context",
            "hotline-transfer",
            "Extension",
            "122"));
    at(30, call("Hangup", "1.1", "138"));
    assertThat(ended().transfers())
        .containsExactly(new CallTransfer("blind", "122", T0.plusSeconds(20), "success"));
    assertThat(ended().transferTarget()).isEqualTo("122");
  }

  @Test
  void attendedTransferEventCompletesOurRequestAndAFailedOneSaysSo() {
    answered("1.1");
    a.transferRequested(
        "1.1", CallTransfer.ATTENDED, "110", CallTransfer.REQUESTED, T0.plusSeconds(9));
    at(
        15,
        of(
            "AttendedTransfer",
            "Result",
            "Fail",
            "OrigTransfererUniqueid",
            "9.9",
            "TransfereeUniqueid",
            "1.1",
            "TransferTargetExten",
            "110"));
    at(30, call("Hangup", "1.1", "138"));
    assertThat(ended().transfers())
        .containsExactly(new CallTransfer("attended", "110", T0.plusSeconds(9), "failed"));
  }

  @Test
  void transferEventsOfUnknownCallsAreIgnored() {
    at(5, of("AttendedTransfer", "Result", "Success", "TransfereeUniqueid", "nobody"));
    assertThat(notices).isEmpty();
  }

  @Test
  void agentCompleteOfACallConnectedDuringAnOutageMakesItAnswered() {
    at(0, newchannel("1.1", "138"));
    at(1, call("QueueCallerJoin", "1.1", "138"));
    // AgentConnect was lost with the AMI link; AgentComplete carries the figures
    at(
        100,
        call(
            "AgentComplete",
            "1.1",
            "138",
            "Interface",
            "PJSIP/1002",
            "MemberName",
            "1002",
            "HoldTime",
            "7",
            "TalkTime",
            "60",
            "Reason",
            "caller"));
    at(100, call("Hangup", "1.1", "138"));
    CallRecord r = ended();
    assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(r.agent()).isEqualTo("1002");
    assertThat(r.waitSeconds()).isEqualTo(7);
    assertThat(r.talkSeconds()).isEqualTo(60);
    assertThat(r.answeredAt()).isEqualTo(T0.plusSeconds(40));
  }

  private static AmiMessage queueParams(long abandoned) {
    return of("QueueParams", "Queue", "hotline", "Abandoned", String.valueOf(abandoned));
  }

  @Test
  void aWaitingCallerWhoVanishedWhileAnAbandonWentUnseenIsAbandonedAndMissed() {
    a.reconcile(
        List.of(), List.of(queueParams(4)), List.of(), T0); // first login: Asterisk's counter
    at(0, newchannel("1.1", "138"));
    at(1, call("QueueCallerJoin", "1.1", "138"));
    at(2, newchannel("2.1", "139"));
    at(3, call("QueueCallerJoin", "2.1", "139"));
    at(4, call("QueueCallerAbandon", "2.1", "139", "HoldTime", "1"));
    at(4, call("Hangup", "2.1", "139"));
    notices.clear();
    // link down; 1.1 abandons unseen; Asterisk now counts 6 (one seen live, one not)
    List<CallNotice> out =
        a.reconcile(List.of(), List.of(queueParams(6)), List.of(), T0.plusSeconds(50));
    notices.addAll(out);
    CallRecord r = ended();
    assertThat(r.id()).isEqualTo("1.1");
    assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(r.partial()).isTrue();
    assertThat(missed())
        .singleElement()
        .satisfies(m -> assertThat(m.reason()).isEqualTo("abandoned"));
  }

  @Test
  void aWaitingCallerWhoVanishedWithoutAnUnseenAbandonIsNotCalledAbandoned() {
    a.reconcile(List.of(), List.of(queueParams(4)), List.of(), T0);
    at(0, newchannel("1.1", "138"));
    at(1, call("QueueCallerJoin", "1.1", "138"));
    notices.addAll(a.reconcile(List.of(), List.of(queueParams(4)), List.of(), T0.plusSeconds(50)));
    assertThat(ended().outcome()).isNotEqualTo(CallOutcome.ABANDONED);
    assertThat(ended().partial()).isTrue();
    assertThat(missed()).isEmpty();
  }

  @Test
  void aCallerFoundBridgedToAnAgentLegAfterAnOutageIsAnswered() {
    at(0, newchannel("1.1", "138"));
    at(1, call("QueueCallerJoin", "1.1", "138"));
    List<AmiMessage> live =
        List.of(
            of(
                "CoreShowChannel",
                "Uniqueid",
                "1.1",
                "Linkedid",
                "1.1",
                "Application",
                "Queue",
                "ApplicationData",
                "hotline,c,,,30",
                "Duration",
                "00:00:40",
                "BridgeId",
                "b1"),
            of(
                "CoreShowChannel",
                "Uniqueid",
                "1.2",
                "Linkedid",
                "1.1",
                "Channel",
                "PJSIP/1001-1",
                "Application",
                "AppQueue",
                "Duration",
                "00:00:25",
                "BridgeId",
                "b1"));
    assertThat(a.reconcile(live, List.of(), List.of(), T0.plusSeconds(40))).isEmpty();
    at(50, call("Hangup", "1.2", "138"));
    at(50, call("Hangup", "1.1", "138"));
    CallRecord r = ended();
    assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(r.answeredAt()).isEqualTo(T0.plusSeconds(15));
    assertThat(r.talkSeconds()).isEqualTo(35);
  }

  @Test
  void eventsDuringTheResyncWindowAreNeitherClosedNorAdoptedAgain() {
    AmiMessage born = newchannel("3.1", "137"); // after CoreShowChannels was taken
    at(0, born);
    AmiMessage gone = call("Hangup", "4.1", "136"); // listed, but hung up while resyncing
    List<AmiMessage> listed =
        List.of(
            of("CoreShowChannel", "Uniqueid", "4.1", "Linkedid", "4.1", "Duration", "00:00:09"));
    assertThat(a.reconcile(listed, List.of(), List.of(born, gone), T0.plusSeconds(1))).isEmpty();
    assertThat(a.callsInProgress()).isEqualTo(1); // 3.1 lives on, 4.1 was not adopted
  }

  @Test
  void eventsWithoutIdentityAreIgnored() {
    at(0, of("QueueCallerJoin", "Queue", "hotline"));
    at(0, of("Hangup", "Uniqueid", "nobody"));
    at(0, of("QueueParams", "Queue", "hotline", "Uniqueid", "x", "Linkedid", "x"));
    assertThat(notices).isEmpty();
    assertThat(a.callsInProgress()).isZero();
  }
}
