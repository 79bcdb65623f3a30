package org.hotline.telephony.sim.agi;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulated Asterisk channel in the IVR whose caller is a person: keys arrive when they are
 * pressed ({@link #press}), the hang-up when it happens ({@link #hangup}). Prompts play for their
 * length (prompts.tsv, times {@code timeScale}); an input-taking command (STREAM FILE with escape
 * digits, GET DATA, WAIT FOR DIGIT, RECORD FILE) waits for keys or its timeout and answers as
 * Asterisk 22 does. Every other command is answered by {@link SimulatedChannel}. Each command is
 * reported to {@code onCommand} as the IVR's doing. Confined to one Vert.x event loop: call {@link
 * #press} and {@link #hangup} on it.
 */
public final class LiveAgiCall {
  private final Vertx vertx;
  private final double timeScale;
  private final Consumer<String> onCommand;
  private final Promise<Map<String, String>> ended = Promise.promise();
  private final ArrayDeque<String> commands = new ArrayDeque<>();
  private final ArrayDeque<Character> keys = new ArrayDeque<>();
  private SimulatedChannel channel;
  private NetSocket socket;
  private LiveInput waiting;
  private boolean busy;
  private boolean dead;
  private boolean closed;
  private int commandCount;

  private LiveAgiCall(Vertx vertx, double timeScale, Consumer<String> onCommand) {
    this.vertx = vertx;
    this.timeScale = timeScale;
    this.onCommand = onCommand;
  }

  /**
   * Connects to the FastAGI server and sends the {@code agi_*} block of channel {@code uniqueId}
   * (caller {@code callerId}) for {@code script}; the call is live once the future succeeds.
   */
  public static Future<LiveAgiCall> dial(
      Vertx vertx,
      NetClient client,
      String host,
      int port,
      String script,
      String uniqueId,
      String callerId,
      java.util.List<String> args,
      double timeScale,
      Consumer<String> onCommand) {
    LiveAgiCall call = new LiveAgiCall(vertx, timeScale, onCommand);
    return client
        .connect(port, host)
        .map(s -> call.start(s, host, port, script, uniqueId, callerId, args));
  }

  /** Completes with the channel variables when the server hands the call back (closes). */
  public Future<Map<String, String>> ended() {
    return ended.future();
  }

  public boolean hungUp() {
    return dead;
  }

  /** The caller presses keys (0-9, *, #). */
  public void press(String digits) {
    if (dead || closed) {
      return;
    }
    for (char k : digits.toCharArray()) {
      keys.add(k);
    }
    feed();
  }

  /** The caller hangs up: the command in progress ends as Asterisk ends it, then HANGUP. */
  public void hangup() {
    if (dead || closed) {
      return;
    }
    dead = true;
    keys.clear();
    if (waiting != null) {
      LiveInput w = waiting;
      waiting = null;
      reply(w.interruptedReply());
    }
    write("HANGUP\n");
  }

  private LiveAgiCall start(
      NetSocket s,
      String host,
      int port,
      String script,
      String uniqueId,
      String callerId,
      java.util.List<String> args) {
    socket = s;
    Map<String, String> env = new java.util.LinkedHashMap<>();
    env.put("agi_network", "yes");
    env.put("agi_network_script", script);
    env.put("agi_request", "agi://" + host + ":" + port + "/" + script);
    env.put("agi_channel", "PJSIP/trunk-" + uniqueId.replaceAll("[^0-9]", ""));
    env.put("agi_language", "en");
    env.put("agi_type", "PJSIP");
    env.put("agi_uniqueid", uniqueId);
    env.put("agi_version", "22.10.1");
    env.put("agi_callerid", callerId);
    env.put("agi_calleridname", "unknown");
    env.put("agi_callingpres", "0");
    env.put("agi_callingani2", "0");
    env.put("agi_callington", "0");
    env.put("agi_callingtns", "0");
    env.put("agi_dnid", "12345");
    env.put("agi_rdnis", "unknown");
    env.put("agi_context", "hotline-in");
    env.put("agi_extension", "12345");
    env.put("agi_priority", "3");
    env.put("agi_enhanced", "0.0");
    env.put("agi_accountcode", "");
    env.put("agi_threadid", "140000000000001");
    for (int i = 0; i < args.size(); i++) {
      env.put("agi_arg_" + (i + 1), args.get(i));
    }
    channel = new SimulatedChannel(SimCallPlan.builder(script).build(), env);
    RecordParser parser = RecordParser.newDelimited("\n", this::onLine);
    parser.maxRecordSize(64 * 1024);
    parser.exceptionHandler(e -> socket.close());
    socket.handler(parser);
    socket.closeHandler(v -> onClosed());
    StringBuilder block = new StringBuilder();
    env.forEach((k, v) -> block.append(k).append(": ").append(v).append('\n'));
    write(block.append('\n').toString());
    return this;
  }

  private void onLine(Buffer b) {
    if (!closed) {
      commands.add(b.toString(StandardCharsets.UTF_8));
      next();
    }
  }

  private void next() {
    if (busy || commands.isEmpty() || closed) {
      return;
    }
    String line = commands.poll();
    onCommand.accept(line);
    AgiCommandWords c = AgiCommandWords.parse(line);
    LiveInput input = dead || c.verb() == null ? null : LiveInput.of(c, timeScale);
    if (input == null) {
      SimulatedChannel.Outcome o = answerPlainly(c, line);
      busy = true;
      long delay = Math.round(o.delayMs() * timeScale);
      vertx.setTimer(Math.max(1, delay), t -> reply(String.join("\n", o.lines())));
      return;
    }
    busy = true;
    waiting = input;
    input.timer = vertx.setTimer(Math.max(1, input.initialWaitMs()), t -> timedOut(input));
    feed();
  }

  private SimulatedChannel.Outcome answerPlainly(AgiCommandWords c, String line) {
    if (dead && (c.verb() == null || !SimulatedChannel.ALLOWED_WHEN_DEAD.contains(c.verb()))) {
      return SimulatedChannel.Outcome.now(
          c.verb() == null ? SimulatedChannel.UNKNOWN : SimulatedChannel.DEAD);
    }
    if ("HANGUP".equals(c.verb())) {
      dead = true;
    }
    return channel.handle(++commandCount, line);
  }

  /** Hands buffered keys to the command waiting for them. */
  private void feed() {
    while (waiting != null && !keys.isEmpty()) {
      LiveInput w = waiting;
      String done = w.key(keys.poll());
      if (done != null) {
        finish(w, done);
      } else if (w.restartMs() > 0) {
        vertx.cancelTimer(w.timer);
        w.timer = vertx.setTimer(w.restartMs(), t -> timedOut(w));
      }
    }
  }

  private void timedOut(LiveInput w) {
    if (waiting == w) {
      finish(w, w.timeoutReply());
    }
  }

  private void finish(LiveInput w, String replyLine) {
    vertx.cancelTimer(w.timer);
    waiting = null;
    reply(replyLine);
  }

  private void reply(String lines) {
    busy = false;
    if (closed) {
      return;
    }
    write(lines + "\n");
    next();
  }

  private void write(String text) {
    if (!closed) {
      socket.write(text);
    }
  }

  private void onClosed() {
    closed = true;
    if (waiting != null) {
      vertx.cancelTimer(waiting.timer);
    }
    ended.tryComplete(Map.copyOf(channel.variables()));
  }
}
