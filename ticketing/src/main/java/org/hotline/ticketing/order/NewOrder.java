package org.hotline.ticketing.order;

import java.util.List;

/** A validated request to take in a new order (受理). */
public record NewOrder(
    String channel,
    String requestType,
    String categoryCode,
    String citizenPhone,
    String citizenName,
    boolean confidential,
    String location,
    Double latitude,
    Double longitude,
    String area,
    String description,
    String urgency,
    List<String> callIds) {

  public static final List<String> CHANNELS =
      List.of("phone", "sms", "voicemail", "web", "open311");
  public static final List<String> REQUEST_TYPES =
      List.of("consult", "help", "complaint", "report", "suggestion", "praise");
  public static final List<String> URGENCIES = List.of("normal", "urgent");
}
