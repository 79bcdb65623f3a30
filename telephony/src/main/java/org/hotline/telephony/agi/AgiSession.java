package org.hotline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection: reads the {@code agi_*} block, runs the script, matches replies to
 * commands, and ends cleanly on hang-up, socket drop, garbage, truncated input or timeout. All
 * methods run on the connection's event loop; nothing here blocks.
 */
final class AgiSession extends AgiCommandChannel {
  private static final Logger log = LoggerFactory.getLogger(AgiSession.class);
  private static final int MAX_USAGE_LINES = 200;
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("agi_[a-z0-9_]+");

  private enum State {
    ENVIRONMENT,
    RUNNING,
    CLOSED
  }

  private final Vertx vertx;
  private final NetSocket socket;
  private final FastAgiOptions options;
  private final Function<String, AgiScript> scripts;
  private final AgiServerStats stats;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final ArrayDeque<PendingCommand> queued = new ArrayDeque<>();
  private final Promise<Void> hangup = Promise.promise();

  private State state = State.ENVIRONMENT;
  private AgiRequest request;
  private PendingCommand inFlight;
  private List<String> usageLines;
  private long lastReplyNanos;
  private long environmentTimer = -1;
  private long callTimer = -1;
  private boolean scriptRunning;
  private boolean socketClosed;
  private boolean ended;

  AgiSession(
      Vertx vertx,
      NetSocket socket,
      FastAgiOptions options,
      Function<String, AgiScript> scripts,
      AgiServerStats stats) {
    super(options.mediaTimeoutMs());
    this.vertx = vertx;
    this.socket = socket;
    this.options = options;
    this.scripts = scripts;
    this.stats = stats;
  }

  void start() {
    stats.sessionStarted();
    RecordParser parser = RecordParser.newDelimited("\n", this::onLine);
    parser.maxRecordSize(options.maxLineLength());
    parser.exceptionHandler(e -> protocolError("line too long"));
    socket.handler(parser);
    socket.exceptionHandler(e -> log.debug("AGI socket error {}: {}", describe(), e.toString()));
    socket.closeHandler(v -> onSocketClosed());
    environmentTimer =
        vertx.setTimer(
            options.environmentTimeoutMs(), id -> protocolError("agi_* block timed out"));
    callTimer = vertx.setTimer(options.maxCallMs(), id -> close("call exceeded maxCallMs"));
  }

  // ---- reading -------------------------------------------------------------------------------

  private void onLine(Buffer buffer) {
    if (state == State.CLOSED) {
      return;
    }
    String line = buffer.toString(StandardCharsets.UTF_8);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.equals("HANGUP")) {
      markHungUp();
    } else if (state == State.ENVIRONMENT) {
      onEnvironmentLine(line);
    } else {
      onReplyLine(line);
    }
  }

  private void onEnvironmentLine(String line) {
    if (line.isEmpty()) {
      if (environment.isEmpty()) {
        protocolError("empty agi_* block");
      } else {
        startScript();
      }
      return;
    }
    int colon = line.indexOf(':');
    String name = colon < 0 ? "" : line.substring(0, colon);
    if (!ENVIRONMENT_NAME.matcher(name).matches()
        || environment.size() >= options.maxEnvironmentLines()) {
      protocolError("garbage in agi_* block");
      return;
    }
    String value = line.substring(colon + 1);
    environment.put(name, value.startsWith(" ") ? value.substring(1) : value);
  }

  private void onReplyLine(String line) {
    if (usageLines != null) {
      if (line.startsWith("520 ")) {
        List<String> usage = usageLines;
        usageLines = null;
        onReply(AgiReply.parse(line, usage));
      } else if (usageLines.size() < MAX_USAGE_LINES) {
        usageLines.add(line);
      } else {
        protocolError("endless 520 usage");
      }
    } else if (line.startsWith("520-")) {
      usageLines = new ArrayList<>();
      usageLines.add(line.substring(4));
    } else if (AgiReply.isStatusLine(line)) {
      onReply(AgiReply.parse(line));
    } else {
      protocolError("garbage reply");
    }
  }

  private void onReply(AgiReply reply) {
    PendingCommand command = inFlight;
    if (command == null) {
      protocolError("reply without command");
      return;
    }
    lastReplyNanos = System.nanoTime();
    inFlight = null;
    vertx.cancelTimer(command.timer);
    if (reply.code() == AgiReply.SUCCESS) {
      command.promise.complete(reply);
    } else if (reply.code() == AgiReply.DEAD_CHANNEL) {
      markHungUp();
      command.promise.fail(new AgiHangupException(command.line + " -> 511 dead channel", reply));
    } else {
      command.promise.fail(new AgiCommandException(command.line, reply));
    }
    writeNextIfIdle();
  }

  // ---- script --------------------------------------------------------------------------------

  private void startScript() {
    vertx.cancelTimer(environmentTimer);
    request = new AgiRequest(environment);
    AgiScript script = scripts.apply(request.script());
    if (script == null) {
      log.warn("AGI call {} asks for unknown script '{}'", request.uniqueId(), request.script());
      close("unknown script");
      return;
    }
    state = State.RUNNING;
    lastReplyNanos = System.nanoTime();
    scriptRunning = true;
    Future<Void> run;
    try {
      run = script.run(this);
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    run.onComplete(ar -> onScriptFinished(ar.cause()));
  }

  private void onScriptFinished(Throwable failure) {
    scriptRunning = false;
    if (failure != null && !(failure instanceof AgiHangupException)) {
      stats.scriptFailed();
      log.warn(
          "AGI script {} failed for call {}: {}",
          request.script(),
          request.uniqueId(),
          failure.toString());
    }
    close("script finished");
    endIfDone();
  }

  // ---- writing -------------------------------------------------------------------------------

  @Override
  protected Future<AgiReply> send(String line, long ownWaitMs) {
    if (state != State.RUNNING) {
      return Future.failedFuture(new AgiHangupException("session closed before " + line));
    }
    PendingCommand command = new PendingCommand(line, ownWaitMs);
    queued.add(command);
    writeNextIfIdle();
    return command.promise.future();
  }

  private void writeNextIfIdle() {
    if (inFlight != null || queued.isEmpty() || state != State.RUNNING) {
      return;
    }
    PendingCommand command = queued.poll();
    inFlight = command;
    if (lastReplyNanos != 0) {
      stats.turnaround(command.line, System.nanoTime() - lastReplyNanos);
      lastReplyNanos = 0;
    }
    socket.write(command.line + "\n");
    command.timer =
        vertx.setTimer(options.commandTimeoutMs() + command.ownWaitMs, id -> onTimeout(command));
  }

  private void onTimeout(PendingCommand command) {
    if (command != inFlight) {
      return;
    }
    stats.commandTimeout();
    log.warn("AGI call {}: no reply to '{}' in time", describe(), command.line);
    inFlight = null;
    command.promise.fail(new AgiTimeoutException("no reply to " + command.line));
    close("command timeout");
  }

  // ---- ending --------------------------------------------------------------------------------

  private void markHungUp() {
    hangup.tryComplete();
  }

  private void protocolError(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    stats.protocolError();
    log.warn("AGI session {} closed: {}", describe(), reason);
    close(reason);
  }

  private void close(String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    vertx.cancelTimer(environmentTimer);
    markHungUp();
    List<PendingCommand> abandoned = new ArrayList<>(queued);
    queued.clear();
    if (inFlight != null) {
      vertx.cancelTimer(inFlight.timer);
      abandoned.add(0, inFlight);
      inFlight = null;
    }
    for (PendingCommand command : abandoned) {
      command.promise.tryFail(new AgiHangupException(command.line + " -> " + reason));
    }
    if (!socketClosed) {
      socket.close();
    }
    endIfDone();
  }

  private void onSocketClosed() {
    socketClosed = true;
    close("socket closed");
    endIfDone();
  }

  private void endIfDone() {
    if (!ended && state == State.CLOSED && socketClosed && !scriptRunning) {
      ended = true;
      vertx.cancelTimer(callTimer);
      stats.sessionEnded();
    }
  }

  private String describe() {
    return request != null ? request.uniqueId() : String.valueOf(socket.remoteAddress());
  }

  // ---- AgiChannel ----------------------------------------------------------------------------

  @Override
  public AgiRequest request() {
    return request;
  }

  @Override
  public boolean isHungUp() {
    return hangup.future().isComplete();
  }

  @Override
  public Future<Void> hangupSignal() {
    return hangup.future();
  }

  private static final class PendingCommand {
    final String line;
    final long ownWaitMs;
    final Promise<AgiReply> promise = Promise.promise();
    long timer = -1;

    PendingCommand(String line, long ownWaitMs) {
      this.line = line;
      this.ownWaitMs = ownWaitMs;
    }
  }
}
