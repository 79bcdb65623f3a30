package org.hotline.sms.smpp;

import java.nio.charset.StandardCharsets;
import org.hotline.sms.text.DecodedPart;
import org.hotline.sms.text.DeliveryReceiptParser;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits deliver_sm into delivery receipts (esm_class message type 0x04) and MO messages, decodes
 * them and hands them to the {@link InboundHandler}. A handler failure is answered with
 * ESME_RX_T_APPN so the SMSC delivers the PDU again later.
 */
final class DeliverSmListener implements MessageReceiverListener {

  private static final Logger log = LoggerFactory.getLogger(DeliverSmListener.class);
  private static final int ESME_RX_T_APPN = 0x64;
  private static final int ESME_RINVCMDID = 0x03;
  private final InboundHandler handler;

  DeliverSmListener(InboundHandler handler) {
    this.handler = handler;
  }

  @Override
  public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
    byte esm = deliverSm.getEsmClass();
    try {
      if ((esm & 0x3C) == 0x04) {
        String text =
            new String(
                deliverSm.getShortMessage() == null ? new byte[0] : deliverSm.getShortMessage(),
                StandardCharsets.ISO_8859_1);
        var receipt = DeliveryReceiptParser.parse(text);
        if (receipt.isEmpty()) {
          log.warn("unparseable delivery receipt ignored: {}", text);
          return;
        }
        handler.onReceipt(receipt.get());
      } else {
        DecodedPart part =
            DecodedPart.decode(
                deliverSm.getDataCoding(), (esm & 0x40) != 0, deliverSm.getShortMessage());
        handler.onMo(deliverSm.getSourceAddr(), part);
      }
    } catch (Exception e) {
      log.warn("deliver_sm not stored, SMSC will retry: {}", e.toString());
      throw new ProcessRequestException("not stored: " + e.getMessage(), ESME_RX_T_APPN, e);
    }
  }

  @Override
  public void onAcceptAlertNotification(AlertNotification alertNotification) {
    log.debug("alert_notification ignored");
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("data_sm not supported", ESME_RINVCMDID);
  }
}
