package org.hotline.telephony.ami.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hotline.telephony.ami.AmiFixtures;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.junit.jupiter.api.Test;

/** The recorded Asterisk 22 session, live events and resync snapshots, through the state. */
class CallCentreStateReplayTest {
  private static final Instant T0 = Instant.parse("2026-11-28T02:00:27Z");
  private final List<AmiMessage> session = AmiFixtures.sessionFromAsterisk();

  @Test
  void liveEventsOfTheWholeSessionEndWithNoCallsAndBothAgentsLoggedOut() {
    CallCentreState s = new CallCentreState(List.of("hotline"));
    s.applySnapshot(AmiFixtures.listEvents(session, "qs-2"), List.of(), T0);
    assertThat(s.agent("Agent 1001", T0))
        .get()
        .extracting(AgentView::status)
        .isEqualTo(AgentStatus.AVAILABLE);
    Instant t = T0;
    for (AmiMessage m : AmiFixtures.liveEvents(session)) {
      t = t.plusMillis(10);
      s.apply(m, t);
    }
    assertThat(s.callsWaiting()).isZero();
    assertThat(s.channels()).isEmpty();
    assertThat(s.agents(t))
        .extracting(AgentView::agent, AgentView::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Agent 1001", AgentStatus.LOGGED_OUT),
            org.assertj.core.groups.Tuple.tuple("Agent 1002", AgentStatus.LOGGED_OUT));
  }

  @Test
  void midCallSnapshotFindsTheAgentOnCallWithTheCallerFromTheBridge() {
    CallCentreState s = new CallCentreState(List.of("hotline"));
    s.applySnapshot(
        AmiFixtures.listEvents(session, "qs-3"), AmiFixtures.listEvents(session, "csc-1"), T0);
    AgentView a = s.agent("Local/agent1@agents/n", T0).orElseThrow();
    assertThat(a.status()).isEqualTo(AgentStatus.ON_CALL);
    assertThat(a.callId()).isEqualTo("1795888827.17");
    assertThat(a.callerNumber()).isEqualTo("13800138000");
    assertThat(s.channels()).hasSize(4);
    assertThat(s.callsWaiting()).isZero();
  }

  @Test
  void snapshotWithAQueueEntryShowsTheCallerAndTheWait() {
    CallCentreState s = new CallCentreState(List.of("hotline"));
    s.applySnapshot(AmiFixtures.listEvents(session, "qs-4"), List.of(), T0);
    assertThat(s.waitingCalls())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.callId()).isEqualTo("1795888845.21");
              assertThat(w.callerNumber()).isEqualTo("13800138000");
              assertThat(w.waitSeconds(T0)).isEqualTo(5);
            });
    assertThat(s.longestWaitSeconds(T0.plusSeconds(3))).isEqualTo(8);
    assertThat(s.agentCounts(T0).get(AgentStatus.AVAILABLE)).isEqualTo(1);
    assertThat(s.queueViews(T0))
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.completed()).isEqualTo(1);
              assertThat(q.callsWaiting()).isEqualTo(1);
            });
  }
}
