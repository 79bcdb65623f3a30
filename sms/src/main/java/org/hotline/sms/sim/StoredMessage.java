package org.hotline.sms.sim;

/** A message the simulator received, reassembled from its segments. */
public record StoredMessage(String destination, String text, int segments) {}
