package org.hotline.telephony.agi;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The command sequences of the peer that recorded the Asterisk fixtures ({@code
 * agi-*.to-asterisk.raw}), rebuilt on the typed {@link AgiChannel} API. Each reply (or failure) is
 * written back as the status line it was parsed from, so tests can compare with the fixture.
 */
final class FixtureScripts {
  static final String FULL_VARIABLE =
      "GET FULL VARIABLE \"${CALLERID(num)}|${CHANNEL(language)}|${UNIQUEID}\"";

  final List<String> outcomes = new CopyOnWriteArrayList<>();
  final List<AgiReply> replies = new CopyOnWriteArrayList<>();
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  Map<String, AgiScript> scripts() {
    return Map.of("hotline", this::hotline, "survey", this::survey);
  }

  private Future<Void> hotline(AgiChannel ch) {
    return step(ch.getVariable("SCENARIO"))
        .compose(
            scenario ->
                "hangup".equals(scenario.data()) ? run(ch, hangupSteps()) : run(ch, queueSteps()));
  }

  private static List<Function<AgiChannel, Future<AgiReply>>> queueSteps() {
    return List.of(
        AgiChannel::answer,
        ch -> ch.verbose("12345 hotline AGI start lang=zh", 1),
        ch -> ch.setVariable("CHANNEL(language)", "zh"),
        ch -> ch.sendCommand("CHANNEL STATUS"),
        ch -> ch.streamFile("hotline-welcome", ""),
        ch -> ch.streamFile("no-such-prompt", ""),
        ch -> ch.getData("hotline-menu", 6000, 4),
        ch -> ch.setVariable("HOTLINE_MENU", "1"),
        ch -> ch.setVariable("HOTLINE_ROUTE", "queue"),
        ch -> ch.getVariable("HOTLINE_ROUTE"),
        ch -> ch.getVariable("NO_SUCH_VARIABLE"),
        ch -> ch.sendCommand(FULL_VARIABLE),
        ch -> ch.setVariable("TICKET", "HL-2024-000123 with spaces"),
        ch -> ch.getVariable("TICKET"),
        ch -> ch.exec("NoOp", "hello from FastAGI, ticket=${TICKET}"),
        ch -> ch.exec("Playback", "hotline-beep"),
        ch -> ch.exec("NoSuchApplication", "foo"),
        ch -> ch.sendCommand("DATABASE PUT hotline lastcaller 13800138000"),
        ch -> ch.sendCommand("DATABASE GET hotline lastcaller"),
        ch -> ch.sendCommand("DATABASE GET hotline nosuchkey"),
        ch -> ch.sendCommand("GET DATA"),
        ch -> ch.sendCommand("FOOBAR BAZ"),
        ch -> ch.verbose("routing to queue hotline", 1));
  }

  private static List<Function<AgiChannel, Future<AgiReply>>> hangupSteps() {
    return List.of(
        AgiChannel::answer,
        ch -> ch.verbose("caller will hang up during the next prompt", 1),
        ch -> ch.streamFile("hotline-long", ""),
        ch -> ch.verbose("after hangup", 1),
        ch -> ch.getVariable("SCENARIO"),
        ch -> ch.sendCommand("CHANNEL STATUS"),
        ch -> ch.streamFile("hotline-welcome", ""),
        ch -> ch.getData("hotline-menu", 3000, 4),
        ch -> ch.exec("NoOp", "exec on dead channel"),
        ch -> ch.setVariable("AFTER_HANGUP", "yes"),
        AgiChannel::hangup);
  }

  private Future<Void> survey(AgiChannel ch) {
    return run(
        ch,
        List.of(
            c -> c.verbose("post-call survey", 1),
            c -> c.getData("survey-prompt", 3000, 1),
            c -> c.waitForDigit(1000),
            c -> c.setVariable("SURVEY_SCORE", "none"),
            AgiChannel::hangup,
            AgiChannel::answer,
            c -> c.getVariable("SURVEY_SCORE"),
            c -> c.verbose("survey done", 1)));
  }

  private Future<Void> run(AgiChannel ch, List<Function<AgiChannel, Future<AgiReply>>> steps) {
    Future<AgiReply> chain = Future.succeededFuture();
    for (Function<AgiChannel, Future<AgiReply>> s : steps) {
      chain = chain.compose(previous -> step(s.apply(ch)));
    }
    return chain.mapEmpty();
  }

  /** Records the outcome and always goes on, as the fixture peer did. */
  private Future<AgiReply> step(Future<AgiReply> command) {
    return command
        .onSuccess(
            reply -> {
              replies.add(reply);
              outcomes.add(reply.code() + " " + reply.text());
            })
        .recover(
            err -> {
              failures.add(err);
              AgiReply reply =
                  err instanceof AgiCommandException refused
                      ? refused.reply()
                      : err instanceof AgiHangupException dead ? dead.reply() : null;
              outcomes.add(reply == null ? "failed: " + err : reply.code() + " " + reply.text());
              return Future.succeededFuture(reply);
            });
  }
}
