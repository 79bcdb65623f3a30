package org.hotline.telephony.ami.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.telephony.ami.Events.call;
import static org.hotline.telephony.ami.Events.member;
import static org.hotline.telephony.ami.Events.of;

import java.time.Instant;
import java.util.List;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallCentreStateTest {
  private static final Instant T0 = Instant.parse("2026-11-28T01:00:00Z");
  private static final String A1 = "PJSIP/1001";
  private CallCentreState s;

  @BeforeEach
  void setUp() {
    s = new CallCentreState(List.of("hotline"));
    s.apply(member("QueueMemberAdded", A1, "1001"), T0);
  }

  private AgentStatus status(Instant at) {
    return s.agent("1001", at).orElseThrow().status();
  }

  @Test
  void newMemberIsAvailableAndUnknownAgentsAreNotInvented() {
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(s.agent("9999", T0)).isEmpty();
    assertThat(s.agent(A1, T0)).isPresent();
  }

  @Test
  void callersWaitInOrderAndLeaveWithPositionsMovingUp() {
    s.apply(call("QueueCallerJoin", "1.1", "138", "Position", "1"), T0);
    s.apply(call("QueueCallerJoin", "1.2", "139", "Position", "2"), T0.plusSeconds(5));
    assertThat(s.callsWaiting()).isEqualTo(2);
    assertThat(s.longestWaitSeconds(T0.plusSeconds(30))).isEqualTo(30);
    s.apply(call("QueueCallerLeave", "1.1", "138"), T0.plusSeconds(31));
    assertThat(s.waitingCalls())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.callId()).isEqualTo("1.2");
              assertThat(w.position()).isEqualTo(1);
              assertThat(w.callerNumber()).isEqualTo("139");
            });
    s.apply(call("QueueCallerAbandon", "1.2", "139"), T0.plusSeconds(40));
    assertThat(s.callsWaiting()).isZero();
    assertThat(s.longestWaitSeconds(T0.plusSeconds(50))).isZero();
  }

  @Test
  void agentRingsConnectsAndCompletesIntoWrapUpThenAvailable() {
    s.apply(member("QueueMemberStatus", A1, "1001", "Wrapuptime", "30"), T0);
    s.apply(call("QueueCallerJoin", "1.1", "138"), T0);
    s.apply(call("AgentCalled", "1.1", "138", "Interface", A1, "MemberName", "1001"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.RINGING);
    s.apply(
        call(
            "AgentConnect",
            "1.1",
            "138",
            "Interface",
            A1,
            "MemberName",
            "1001",
            "HoldTime",
            "4",
            "RingTime",
            "2"),
        T0.plusSeconds(4));
    AgentView onCall = s.agent("1001", T0.plusSeconds(4)).orElseThrow();
    assertThat(onCall.status()).isEqualTo(AgentStatus.ON_CALL);
    assertThat(onCall.callId()).isEqualTo("1.1");
    assertThat(onCall.callerNumber()).isEqualTo("138");
    assertThat(onCall.since()).isEqualTo(T0.plusSeconds(4));
    assertThat(s.callsWaiting()).isZero();
    s.apply(
        call(
            "AgentComplete", "1.1", "138", "Interface", A1, "MemberName", "1001", "TalkTime", "60"),
        T0.plusSeconds(64));
    assertThat(status(T0.plusSeconds(64))).isEqualTo(AgentStatus.WRAP_UP);
    assertThat(status(T0.plusSeconds(93))).isEqualTo(AgentStatus.WRAP_UP);
    assertThat(status(T0.plusSeconds(94))).isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void ringNoAnswerAndCallerHangupStopTheRinging() {
    s.apply(call("AgentCalled", "1.1", "138", "Interface", A1), T0);
    s.apply(call("AgentRingNoAnswer", "1.1", "138", "Interface", A1, "RingTime", "15000"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
    s.apply(call("AgentCalled", "1.2", "139", "Interface", A1), T0);
    s.apply(call("Hangup", "1.2", "139"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void pauseCarriesItsReasonAndUnpauseClearsIt() {
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "1", "PausedReason", "lunch"), T0);
    AgentView a = s.agent("1001", T0).orElseThrow();
    assertThat(a.status()).isEqualTo(AgentStatus.PAUSED);
    assertThat(a.pausedReason()).isEqualTo("lunch");
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "0", "PausedReason", "lunch"), T0);
    assertThat(s.agent("1001", T0).orElseThrow().pausedReason()).isNull();
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void pauseChangesAreReportedOnceEachForTheRecord() {
    s.apply(member("QueueMemberAdded", A1, "1001", "Paused", "0"), T0);
    assertThat(s.drainPauseChanges()).isEmpty();
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "1", "PausedReason", "lunch"), T0);
    s.apply(member("QueueMemberStatus", A1, "1001", "Paused", "1", "PausedReason", "lunch"), T0);
    assertThat(s.drainPauseChanges())
        .containsExactly(new CallCentreState.PauseChange("1001", A1, true, "lunch", T0));
    Instant later = T0.plusSeconds(600);
    s.apply(
        member("QueueMemberPause", A1, "1001", "Paused", "1", "PausedReason", "training"), later);
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "0"), later.plusSeconds(60));
    assertThat(s.drainPauseChanges())
        .extracting(CallCentreState.PauseChange::paused, CallCentreState.PauseChange::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, "training"),
            org.assertj.core.groups.Tuple.tuple(false, null));
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "1", "PausedReason", "acw"), later);
    s.drainPauseChanges();
    s.apply(
        member("QueueMemberRemoved", A1, "1001"), later.plusSeconds(5)); // logged out: pause ends
    assertThat(s.drainPauseChanges())
        .extracting(CallCentreState.PauseChange::paused)
        .containsExactly(false);
  }

  @Test
  void asteriskJavaBooleansCountAsPausedToo() {
    s.apply(member("QueueMemberPause", A1, "1001", "Paused", "true", "PausedReason", "break"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.PAUSED);
  }

  @Test
  void onCallBeatsPausedAndDeviceStatesAreHonoured() {
    s.apply(member("QueueMemberStatus", A1, "1001", "Paused", "1", "Status", "2"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.ON_CALL);
    s.apply(member("QueueMemberStatus", A1, "1001", "Paused", "1", "Status", "6"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.RINGING);
    s.apply(member("QueueMemberStatus", A1, "1001", "Paused", "0", "Status", "5"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.LOGGED_OUT);
    s.apply(member("QueueMemberStatus", A1, "1001", "Status", "1"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void removedMemberIsLoggedOutButStillListed() {
    s.apply(member("QueueMemberRemoved", A1, "1001"), T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.LOGGED_OUT);
    assertThat(s.agentCounts(T0))
        .containsEntry(AgentStatus.LOGGED_OUT, 1)
        .containsEntry(AgentStatus.AVAILABLE, 0);
    assertThat(s.queueViews(T0))
        .singleElement()
        .satisfies(q -> assertThat(q.agents().get(AgentStatus.LOGGED_OUT)).isZero());
  }

  @Test
  void channelsComeAndGo() {
    s.apply(
        of(
            "Newchannel",
            "Uniqueid",
            "1.1",
            "Linkedid",
            "1.1",
            "Channel",
            "PJSIP/trunk-1",
            "CallerIDNum",
            "<unknown>"),
        T0);
    s.apply(
        of(
            "NewCallerid",
            "Uniqueid",
            "1.1",
            "Linkedid",
            "1.1",
            "Channel",
            "PJSIP/trunk-1",
            "CallerIDNum",
            "138"),
        T0);
    assertThat(s.channel("1.1")).get().extracting(ActiveChannel::callerNumber).isEqualTo("138");
    s.apply(of("Hangup", "Uniqueid", "1.1"), T0);
    assertThat(s.channels()).isEmpty();
  }

  @Test
  void replayingEventsAfterASnapshotLeavesTheSameState() {
    List<AmiMessage> events =
        List.of(
            call("QueueCallerJoin", "1.1", "138"),
            call("AgentCalled", "1.1", "138", "Interface", A1),
            call("AgentConnect", "1.1", "138", "Interface", A1),
            call("QueueCallerJoin", "1.2", "139"));
    events.forEach(e -> s.apply(e, T0));
    var before = List.of(s.agents(T0), s.waitingCalls());
    events.forEach(e -> s.apply(e, T0));
    assertThat(List.of(s.agents(T0), s.waitingCalls())).isEqualTo(before);
  }

  @Test
  void malformedEventsAreIgnored() {
    s.apply(of("QueueCallerJoin", "Queue", "hotline"), T0);
    s.apply(of("Hangup"), T0);
    s.apply(of("AgentConnect", "Uniqueid", "1.1", "Queue", "hotline"), T0);
    s.apply(of("QueueMemberStatus", "Queue", "hotline", "Status", "2"), T0);
    s.apply(AmiMessage.builder().add("Response", "Success").build(), T0);
    assertThat(s.callsWaiting()).isZero();
    assertThat(s.agents(T0)).hasSize(1);
    assertThat(status(T0)).isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void snapshotReplacesEverythingAndKeepsFormerAgentsAsLoggedOut() {
    s.apply(call("QueueCallerJoin", "9.9", "100"), T0);
    s.applySnapshot(
        List.of(
            of("QueueParams", "Queue", "hotline", "Completed", "7", "Abandoned", "2"),
            of(
                "QueueMember",
                "Queue",
                "hotline",
                "Name",
                "1002",
                "Location",
                "PJSIP/1002",
                "Status",
                "1",
                "Paused",
                "1",
                "PausedReason",
                "meeting",
                "InCall",
                "0"),
            of(
                "QueueEntry",
                "Queue",
                "hotline",
                "Position",
                "1",
                "Uniqueid",
                "2.2",
                "CallerIDNum",
                "139",
                "Wait",
                "12"),
            of("QueueMember", "Queue", "hotline", "Name", "broken")),
        List.of(),
        T0);
    assertThat(status(T0)).isEqualTo(AgentStatus.LOGGED_OUT);
    assertThat(s.agent("1002", T0).orElseThrow().pausedReason()).isEqualTo("meeting");
    assertThat(s.waitingCalls()).extracting(WaitingCall::callId).containsExactly("2.2");
    assertThat(s.longestWaitSeconds(T0)).isEqualTo(12);
    assertThat(s.queueViews(T0))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.completed()).isEqualTo(7);
              assertThat(q.abandoned()).isEqualTo(2);
            });
  }

  @Test
  void interfacesOwnTheirChannels() {
    assertThat(Interfaces.matchesChannel("PJSIP/1001", "PJSIP/1001-0000002a")).isTrue();
    assertThat(Interfaces.matchesChannel("PJSIP/1001", "PJSIP/10010-0000002a")).isFalse();
    assertThat(Interfaces.matchesChannel("Local/agent1@agents/n", "Local/agent1@agents-00000009;1"))
        .isTrue();
    assertThat(Interfaces.matchesChannel("Local/agent1@agents", "Local/agent1@agents-00000009;1"))
        .isTrue();
    assertThat(Interfaces.matchesChannel(null, "x")).isFalse();
  }
}
