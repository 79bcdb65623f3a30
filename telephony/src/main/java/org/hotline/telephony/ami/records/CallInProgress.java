package org.hotline.telephony.ami.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the assembler knows so far about one call (one Linkedid). */
final class CallInProgress {
  final String linkedId;
  final Set<String> liveChannels = new LinkedHashSet<>();
  String rootUniqueId;
  String queueCallerId;
  String caller;
  String calledNumber;
  String queue;
  Instant enteredAt;
  Instant queuedAt;
  Instant answeredAt;
  Long waitSeconds;
  Long talkSeconds;
  String agent;
  String agentInterface;
  boolean abandoned;
  String route;
  boolean voicemailApp;
  String recording;
  final List<CallTransfer> transfers = new ArrayList<>();

  /** The ConfBridge this call was moved into by our conference action, if any. */
  String conference;

  boolean outbound;
  final List<String> ticketIds = new ArrayList<>();
  String taskId;
  boolean partial;
  boolean missedSent;

  CallInProgress(String linkedId) {
    this.linkedId = linkedId;
  }

  /** The call id: the queue caller's channel, else the first channel of the call. */
  String callId() {
    if (queueCallerId != null) {
      return queueCallerId;
    }
    return rootUniqueId != null ? rootUniqueId : linkedId;
  }

  CallOutcome outcome() {
    if (answeredAt != null || outbound) {
      return CallOutcome.ANSWERED;
    }
    if (abandoned) {
      return CallOutcome.ABANDONED;
    }
    if ("voicemail".equalsIgnoreCase(route) || voicemailApp) {
      return CallOutcome.VOICEMAIL;
    }
    return CallOutcome.IVR;
  }

  CallRecord toRecord(Instant endedAt) {
    Long wait = waitSeconds;
    if (wait == null && queuedAt != null) {
      Instant until = answeredAt != null ? answeredAt : endedAt;
      wait = Math.max(0, Duration.between(queuedAt, until).getSeconds());
    }
    Long talk = talkSeconds;
    if (talk == null && answeredAt != null) {
      talk = Math.max(0, Duration.between(answeredAt, endedAt).getSeconds());
    }
    return new CallRecord(
        callId(),
        linkedId,
        outbound,
        caller,
        calledNumber,
        queue,
        enteredAt,
        queuedAt,
        answeredAt,
        endedAt,
        wait,
        talk,
        agent,
        agentInterface,
        outcome(),
        recording,
        transfers.isEmpty() ? null : transfers.get(transfers.size() - 1).target(),
        List.copyOf(transfers),
        List.copyOf(ticketIds),
        taskId,
        partial);
  }
}
