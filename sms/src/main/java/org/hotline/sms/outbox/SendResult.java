package org.hotline.sms.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome to record for one claimed message.
 *
 * @param state submitted, queued (retry or deferral) or failed
 * @param smscIds segments accepted in this attempt
 * @param nextAttemptAt for queued
 * @param deferred a policy deferral (quiet hours, rate limit): does not count as an attempt
 */
record SendResult(
    long id,
    String state,
    Map<Integer, String> smscIds,
    long acceptedAtMillis,
    Instant nextAttemptAt,
    String error,
    boolean deferred) {}
