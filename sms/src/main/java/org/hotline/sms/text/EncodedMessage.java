package org.hotline.sms.text;

import java.util.List;

/** A text split into segments ready for submit_sm, all in one encoding. */
public record EncodedMessage(SmsEncoding encoding, List<Segment> segments) {
  public EncodedMessage {
    segments = List.copyOf(segments);
  }
}
