package org.hotline.telephony.ami.records;

import java.time.Instant;
import java.util.List;
import org.hotline.telephony.ami.protocol.AmiMessage;

/** Keeps a call's list of {@link CallTransfer}s from our requests and Asterisk's events. */
final class TransferNotes {
  private static final List<String> CHANNEL_FIELDS =
      List.of(
          "TransfereeUniqueid",
          "TransfererUniqueid",
          "OrigTransfererUniqueid",
          "SecondTransfererUniqueid",
          "TransferTargetUniqueid");

  private TransferNotes() {}

  /** The Uniqueids a BlindTransfer or AttendedTransfer event names (caller first). */
  static List<String> channelsOf(AmiMessage e) {
    return CHANNEL_FIELDS.stream().map(e::get).filter(u -> u != null && !u.isEmpty()).toList();
  }

  /** A BlindTransfer (target: Extension) or AttendedTransfer (target: the target leg's Exten). */
  static void reported(CallInProgress c, AmiMessage e, Instant at) {
    boolean blind = e.isEvent("BlindTransfer");
    String target =
        blind
            ? e.text("Extension", null)
            : e.text("TransferTargetExten", e.text("TransferTargetCallerIDNum", null));
    note(
        c,
        blind ? CallTransfer.BLIND : CallTransfer.ATTENDED,
        target,
        CallTransfer.resultOf(e.get("Result")),
        at);
  }

  /**
   * Completes the last request of this kind still waiting for its result; without one (a transfer
   * made on the softphone) a new entry is added, when its time is known.
   */
  static void note(CallInProgress c, String kind, String target, String result, Instant at) {
    for (int i = c.transfers.size() - 1; i >= 0; i--) {
      CallTransfer t = c.transfers.get(i);
      if (t.kind().equals(kind) && CallTransfer.REQUESTED.equals(t.result())) {
        CallTransfer done = t.withResult(result);
        c.transfers.set(i, t.target() == null && target != null ? done.withTarget(target) : done);
        return;
      }
    }
    if (at != null) {
      c.transfers.add(new CallTransfer(kind, target, at, result));
    }
  }
}
