package org.hotline.telephony.agi.script;

import static org.hotline.telephony.TelephonyAddresses.VAR_SURVEY_SCORE;

import io.vertx.core.Future;
import org.hotline.telephony.agi.AgiChannel;
import org.hotline.telephony.agi.AgiHangupException;
import org.hotline.telephony.agi.AgiReply;
import org.hotline.telephony.agi.AgiScript;

/**
 * The satisfaction survey: "满意请按1，基本满意请按2，不满意请按3", re-prompted on invalid or missing input, then
 * the score goes to the core, the caller is thanked and hung up. Two flavours: {@code survey} after
 * an agent call ({@code AGI(agi://platform:4573/survey,${UNIQUEID},${CALLERID(num)})}) and {@code
 * callback-survey} on an outbound callback call (arguments: ticket or task id, number).
 */
public final class SurveyScript implements AgiScript {
  public static final String CALL = "survey";
  public static final String CALLBACK = "callback-survey";

  private final IvrCore core;
  private final IvrSettings settings;
  private final boolean callback;

  private SurveyScript(IvrCore core, IvrSettings settings, boolean callback) {
    this.core = core;
    this.settings = settings;
    this.callback = callback;
  }

  public static SurveyScript afterCall(IvrCore core, IvrSettings settings) {
    return new SurveyScript(core, settings, false);
  }

  public static SurveyScript onCallback(IvrCore core, IvrSettings settings) {
    return new SurveyScript(core, settings, true);
  }

  @Override
  public Future<Void> run(AgiChannel channel) {
    return ask(channel, 0)
        .compose(score -> score == 0 ? noScore(channel) : store(channel, score))
        .recover(
            err ->
                err instanceof AgiHangupException || channel.isHungUp()
                    ? Future.succeededFuture()
                    : Future.failedFuture(err));
  }

  /** The score 1..3, or 0 when the caller gave none after the re-prompts. */
  private Future<Integer> ask(AgiChannel channel, int retries) {
    String prompt = callback ? IvrPrompts.CALLBACK_SURVEY_RATE : IvrPrompts.SURVEY_RATE;
    return channel
        .getData(prompt, settings.digitTimeoutMs(), 1)
        .compose(reply -> ensureAlive(channel, reply).map(v -> reply.result()))
        .compose(
            key -> {
              if (key.equals("1") || key.equals("2") || key.equals("3")) {
                return Future.succeededFuture(Integer.parseInt(key));
              }
              if (retries >= settings.maxRetries()) {
                return Future.succeededFuture(0);
              }
              return channel
                  .streamFile(IvrPrompts.SURVEY_INVALID, "")
                  .compose(r -> ask(channel, retries + 1));
            });
  }

  private Future<Void> ensureAlive(AgiChannel channel, AgiReply reply) {
    return reply.resultAsInt(0) == -1
        ? channel.sendCommand("CHANNEL STATUS").mapEmpty()
        : Future.succeededFuture();
  }

  private Future<Void> store(AgiChannel channel, int score) {
    SurveyTarget target = SurveyTarget.of(channel.request(), callback);
    return channel
        .setVariable(VAR_SURVEY_SCORE, String.valueOf(score))
        .compose(
            r ->
                core.surveyResult(
                    target.callId(),
                    target.number(),
                    score,
                    callback ? "callback" : "call",
                    target.ref()))
        .compose(ok -> channel.streamFile(IvrPrompts.SURVEY_THANKS, ""))
        .compose(r -> channel.hangup())
        .mapEmpty();
  }

  private Future<Void> noScore(AgiChannel channel) {
    return channel
        .setVariable(VAR_SURVEY_SCORE, "none")
        .compose(r -> channel.streamFile(IvrPrompts.SURVEY_GOODBYE, ""))
        .compose(r -> channel.hangup())
        .mapEmpty();
  }
}
