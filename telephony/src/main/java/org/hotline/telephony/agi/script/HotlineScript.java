package org.hotline.telephony.agi.script;

import io.vertx.core.Future;
import org.hotline.telephony.agi.AgiChannel;
import org.hotline.telephony.agi.AgiScript;

/**
 * The {@code hotline} intake IVR (no menu on intake, GB/T 33358): a short greeting chosen by the
 * core (day, night, holiday), channel variables for the queue, then back to the dialplan, which
 * queues the call. Key 2 during the greeting reads back an order's progress; voicemail when no
 * agent is staffed or the wait is too long; blocked numbers hear a polite prompt and are hung up.
 * See {@link HotlineCall} for the flow.
 */
public final class HotlineScript implements AgiScript {
  public static final String NAME = "hotline";

  private final IvrCore core;
  private final IvrSettings settings;

  public HotlineScript(IvrCore core, IvrSettings settings) {
    this.core = core;
    this.settings = settings;
  }

  @Override
  public Future<Void> run(AgiChannel channel) {
    return new HotlineCall(channel, core, settings).run();
  }
}
