package org.hotline.sms.smpp;

import org.hotline.sms.text.DecodedPart;
import org.hotline.sms.text.DeliveryReceipt;

/**
 * Receives what the SMSC delivers. Called on jsmpp's receiver threads and allowed to block until
 * the data is stored: the deliver_sm_resp is sent only when the call returns, so an exception makes
 * the SMSC deliver again later (ESME_RX_T_APPN) and nothing is acknowledged unstored.
 */
public interface InboundHandler {

  void onReceipt(DeliveryReceipt receipt) throws Exception;

  void onMo(String from, DecodedPart part) throws Exception;
}
