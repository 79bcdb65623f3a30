package org.hotline.sms.smpp;

/** How the gateway binds: one transceiver, or a transmitter plus a receiver. */
public enum BindMode {
  TRX,
  TX_RX
}
