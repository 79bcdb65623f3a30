package org.hotline.telephony.agi.script;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.hotline.telephony.agi.AgiScript;

/** The scripts the platform serves, by the name Asterisk puts in the AGI URL. */
public final class IvrScripts {
  private IvrScripts() {}

  /**
   * {@code hotline}, {@code survey} and {@code callback-survey}, configured from {@code config}.
   */
  public static Map<String, AgiScript> standard(Vertx vertx, JsonObject config) {
    IvrSettings settings = IvrSettings.fromJson(config);
    IvrCore core = new IvrCore(vertx.eventBus(), settings.coreTimeoutMs());
    return Map.of(
        HotlineScript.NAME, new HotlineScript(core, settings),
        SurveyScript.CALL, SurveyScript.afterCall(core, settings),
        SurveyScript.CALLBACK, SurveyScript.onCallback(core, settings));
  }
}
