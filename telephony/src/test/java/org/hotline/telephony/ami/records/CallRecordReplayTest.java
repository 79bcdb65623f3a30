package org.hotline.telephony.ami.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.telephony.ami.AmiFixtures;
import org.hotline.telephony.ami.protocol.AmiMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replays the live events of the recorded Asterisk 22 session through the assembler. */
class CallRecordReplayTest {
  private final List<CallNotice> notices = new ArrayList<>();

  @BeforeEach
  void replay() {
    CallRecordAssembler assembler = new CallRecordAssembler();
    Instant t = Instant.parse("2026-11-28T02:00:27Z");
    for (AmiMessage m : AmiFixtures.liveEvents(AmiFixtures.sessionFromAsterisk())) {
      t = t.plusMillis(10);
      notices.addAll(assembler.apply(m, t));
    }
    assertThat(assembler.callsInProgress()).isZero();
  }

  private CallRecord record(String id) {
    return notices.stream()
        .filter(n -> n instanceof CallNotice.CallEnded)
        .map(n -> ((CallNotice.CallEnded) n).record())
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no record " + id + " in " + notices));
  }

  @Test
  void answeredQueueCallHasAsterisksWaitAndTalkSeconds() {
    CallRecord r = record("1795888827.17");
    assertThat(r.linkedId()).isEqualTo("1795888827.16");
    assertThat(r.caller()).isEqualTo("13800138000");
    assertThat(r.calledNumber()).isEqualTo("12345");
    assertThat(r.queue()).isEqualTo("hotline");
    assertThat(r.outcome()).isEqualTo(CallOutcome.ANSWERED);
    assertThat(r.agent()).isEqualTo("Agent 1001");
    assertThat(r.agentInterface()).isEqualTo("Local/agent1@agents/n");
    assertThat(r.waitSeconds()).isEqualTo(2L);
    assertThat(r.talkSeconds()).isEqualTo(3L);
    assertThat(r.answeredAt()).isAfter(r.queuedAt());
    assertThat(r.endedAt()).isAfter(r.answeredAt());
    assertThat(r.partial()).isFalse();
  }

  @Test
  void abandonedCallIsRecordedAndMissedExactlyOnce() {
    CallRecord r = record("1795888845.21");
    assertThat(r.outcome()).isEqualTo(CallOutcome.ABANDONED);
    assertThat(r.waitSeconds()).isEqualTo(12L);
    assertThat(r.agent()).isNull();
    List<CallNotice.CallMissed> missed =
        notices.stream()
            .filter(n -> n instanceof CallNotice.CallMissed)
            .map(n -> (CallNotice.CallMissed) n)
            .toList();
    assertThat(missed).hasSize(1);
    assertThat(missed.get(0).callId()).isEqualTo("1795888845.21");
    assertThat(missed.get(0).number()).isEqualTo("13800138000");
    assertThat(missed.get(0).queue()).isEqualTo("hotline");
    assertThat(missed.get(0).reason()).isEqualTo("abandoned");
  }

  @Test
  void hangupDuringIvrIsAnIvrOnlyCall() {
    CallRecord r = record("1795888865.26");
    assertThat(r.outcome()).isEqualTo(CallOutcome.IVR);
    assertThat(r.queue()).isNull();
    assertThat(r.waitSeconds()).isNull();
  }

  @Test
  void screenPopOnlyForTheAnsweredCall() {
    List<CallNotice.AgentConnected> pops =
        notices.stream()
            .filter(n -> n instanceof CallNotice.AgentConnected)
            .map(n -> (CallNotice.AgentConnected) n)
            .toList();
    assertThat(pops)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.callId()).isEqualTo("1795888827.17");
              assertThat(p.agent()).isEqualTo("Agent 1001");
              assertThat(p.callerNumber()).isEqualTo("13800138000");
              assertThat(p.waitSeconds()).isEqualTo(2);
            });
  }

  @Test
  void everyCallOfTheSessionEndsOnce() {
    List<String> ids =
        notices.stream()
            .filter(n -> n instanceof CallNotice.CallEnded)
            .map(n -> ((CallNotice.CallEnded) n).record().id())
            .toList();
    assertThat(ids)
        .containsExactly(
            "1795888827.17", "1795888845.21", "1795888865.26", "1795888873.28", "1795888874.30");
  }
}
