package org.hotline.telephony.ami.state;

import java.util.Map;

/**
 * Live figures of one queue: callers waiting, the longest wait, its members by status, and the
 * counters Asterisk reported at the last QueueStatus (since Asterisk's last reset, not today).
 */
public record QueueView(
    String queue,
    int callsWaiting,
    long longestWaitSeconds,
    Map<AgentStatus, Integer> agents,
    String strategy,
    long completed,
    long abandoned,
    long holdTime,
    long talkTime) {}
