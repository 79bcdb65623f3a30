package org.hotline.telephony.agi.script;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.telephony.agi.AgiScript;

/** The scripts the platform serves, by the name Asterisk puts in the AGI URL. */
public final class IvrScripts {
  /** Room left in the 5 s for the AGI round trips around the greeting. */
  static final long HAND_BACK_MARGIN_MS = 200;

  private IvrScripts() {}

  /**
   * {@code hotline}, {@code survey} and {@code callback-survey}, configured from {@code config}.
   */
  public static Map<String, AgiScript> standard(Vertx vertx, JsonObject config) {
    IvrSettings settings = IvrSettings.fromJson(config);
    // The caller lookup runs beside ANSWER, then the greeting plays: together within 5 s.
    long planned = settings.coreTimeoutMs() + IvrPrompts.longestWelcomeMs();
    if (planned > IvrPrompts.HAND_BACK_MS - HAND_BACK_MARGIN_MS) {
      throw new IllegalArgumentException(
          "coreTimeoutMs "
              + settings.coreTimeoutMs()
              + " + longest greeting "
              + IvrPrompts.longestWelcomeMs()
              + " ms leaves less than "
              + HAND_BACK_MARGIN_MS
              + " ms of the "
              + IvrPrompts.HAND_BACK_MS
              + " ms in which a caller who presses nothing must reach the queue");
    }
    IvrCore core = new IvrCore(vertx.eventBus(), settings.coreTimeoutMs());
    return Map.of(
        HotlineScript.NAME, new HotlineScript(core, settings),
        SurveyScript.CALL, SurveyScript.afterCall(core, settings),
        SurveyScript.CALLBACK, SurveyScript.onCallback(core, settings));
  }
}
