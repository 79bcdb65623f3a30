package org.hotline.telephony.ami.state;

/**
 * Asterisk's device state numbers, as queue member events carry them in {@code Status}
 * (AST_DEVICE_*). Only the grouping matters here.
 */
final class DeviceState {
  static final int UNKNOWN = 0;
  static final int NOT_INUSE = 1;
  static final int INUSE = 2;
  static final int BUSY = 3;
  static final int INVALID = 4;
  static final int UNAVAILABLE = 5;
  static final int RINGING = 6;
  static final int RINGINUSE = 7;
  static final int ONHOLD = 8;

  private DeviceState() {}

  static boolean onCall(int s) {
    return s == INUSE || s == BUSY || s == ONHOLD || s == RINGINUSE;
  }

  static boolean ringing(int s) {
    return s == RINGING;
  }

  static boolean unreachable(int s) {
    return s == INVALID || s == UNAVAILABLE;
  }
}
