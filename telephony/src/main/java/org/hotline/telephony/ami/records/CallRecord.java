package org.hotline.telephony.ami.records;

import java.time.Instant;
import java.util.List;

/**
 * 通话记录: one finished call as the core stores it. {@code id} is the Uniqueid of the caller's channel
 * (the one that joined the queue, else the first channel of the call); {@code linkedId} groups all
 * channels of the call. {@code transferTarget} is the last target of {@code transfers}. Seconds are
 * whole seconds; absent values are null.
 */
public record CallRecord(
    String id,
    String linkedId,
    boolean outbound,
    String caller,
    String calledNumber,
    String queue,
    Instant enteredAt,
    Instant queuedAt,
    Instant answeredAt,
    Instant endedAt,
    Long waitSeconds,
    Long talkSeconds,
    String agent,
    String agentInterface,
    CallOutcome outcome,
    String recording,
    String transferTarget,
    List<CallTransfer> transfers,
    List<String> ticketIds,
    String taskId,
    boolean partial) {}
