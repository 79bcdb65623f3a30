package org.hotline.sms.text;

/**
 * What a text will cost: its encoding, the number of segments and the units used (septets for GSM
 * 7-bit, UTF-16 code units for UCS2). Shown to administrators editing templates.
 */
public record SegmentPreview(SmsEncoding encoding, int segments, int units) {}
