package org.hotline.sms.outbox;

import java.time.Instant;
import java.util.Set;
import org.hotline.sms.SmsKind;

/**
 * A message the sender claimed (state submitting, leased), with what it needs to decide and send.
 */
public record ClaimedMessage(
    long id,
    String number,
    String text,
    SmsKind kind,
    boolean urgent,
    int attempts,
    Instant createdAt,
    Long ticketId,
    boolean optedOut,
    int sentThisHour,
    Set<Integer> sentSegments) {}
