package org.hotline.telephony.ami.state;

import java.time.Instant;
import java.util.List;

/**
 * A read-only picture of one agent at a moment. {@code agent} is the queue member name (the agent
 * id given at QueueAdd), {@code iface} the member interface such as {@code PJSIP/1001}.
 */
public record AgentView(
    String agent,
    String iface,
    AgentStatus status,
    String pausedReason,
    List<String> queues,
    String callId,
    String callerNumber,
    Instant since,
    long callsTaken) {}
