package org.hotline.sms.sim;

/**
 * One submit_sm the simulator accepted.
 *
 * @param tag the gateway's "outboxId:seq" tag, or null when absent
 */
public record StoredSegment(
    String messageId,
    String source,
    String destination,
    String text,
    int reference,
    int total,
    int seq,
    String tag,
    byte dataCoding,
    long acceptedAtMillis) {}
