package org.hotline.sms.mo;

/**
 * The classifier's verdict; {@code orderNumber} only for status queries, {@code score} for ratings.
 */
public record MoClassification(MoKind kind, String orderNumber, Integer score) {

  static MoClassification of(MoKind kind) {
    return new MoClassification(kind, null, null);
  }
}
