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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated Asterisk channel running {@code AGI(agi://host:port/<script>)}: it connects to a
 * FastAGI server over a real socket, sends the {@code agi_*} environment in several writes, answers
 * each command as Asterisk 22 does (see {@link SimulatedChannel}), injects the faults of its {@link
 * SimCallPlan}, and records the transcript. Runs on one Vert.x event loop; never blocks.
 */
public final class SimulatedAgiCall {
  private static final AtomicLong SEQUENCE = new AtomicLong(17);

  private final Vertx vertx;
  private final SimCallPlan plan;
  private final AgiTranscript transcript = new AgiTranscript();
  private final Promise<SimCallResult> done = Promise.promise();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private SimulatedChannel channel;
  private NetSocket socket;
  private int commandCount;
  private boolean busy;
  private boolean noticePending;
  private boolean closed;
  private boolean timedOut;
  private long watchdog = -1;
  private long connectedNanos;
  private long scaledWaitMs;
  private long simulatedWaitMs;

  private SimulatedAgiCall(Vertx vertx, SimCallPlan plan) {
    this.vertx = vertx;
    this.plan = plan;
  }

  /**
   * Places the call: connects with {@code client} to {@code host:port} and runs until the server
   * closes the socket, the plan closes it, or {@code maxCallMs} passes (then the result says {@code
   * timedOut}). The future never fails for protocol reasons; it fails only if the connection cannot
   * be made.
   */
  public static Future<SimCallResult> dial(
      Vertx vertx, NetClient client, String host, int port, SimCallPlan plan) {
    SimulatedAgiCall call = new SimulatedAgiCall(vertx, plan);
    return client.connect(port, host).compose(socket -> call.run(socket, host, port));
  }

  private Future<SimCallResult> run(NetSocket connected, String host, int port) {
    connectedNanos = System.nanoTime();
    socket = connected;
    Map<String, String> environment = environment(host, port);
    channel = new SimulatedChannel(plan, environment);
    RecordParser parser = RecordParser.newDelimited("\n", this::onCommand);
    parser.maxRecordSize(64 * 1024);
    parser.exceptionHandler(e -> closeBySimulator("oversized line from server"));
    socket.handler(parser);
    socket.closeHandler(v -> onClosed());
    watchdog = vertx.setTimer(plan.maxCallMs, id -> closeBySimulator("watchdog: call too long"));
    sendEnvironment(environment);
    return done.future();
  }

  private Map<String, String> environment(String host, int port) {
    long seq = SEQUENCE.incrementAndGet();
    String request = "agi://" + host + ":" + port + "/" + plan.networkScript;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("agi_network", "yes");
    env.put("agi_network_script", plan.networkScript);
    env.put("agi_request", request);
    env.put("agi_channel", String.format("Local/12345@hotline-in-%08x;2", seq));
    env.put("agi_language", "en");
    env.put("agi_type", "Local");
    env.put("agi_uniqueid", "1795888827." + seq);
    env.put("agi_version", "22.10.1");
    env.put("agi_callerid", "13800138000");
    env.put("agi_calleridname", "Citizen Zhang");
    env.put("agi_callingpres", "0");
    env.put("agi_callingani2", "0");
    env.put("agi_callington", "0");
    env.put("agi_callingtns", "0");
    env.put("agi_dnid", "unknown");
    env.put("agi_rdnis", "unknown");
    env.put("agi_context", "hotline-in");
    env.put("agi_extension", "12345");
    env.put("agi_priority", "3");
    env.put("agi_enhanced", "0.0");
    env.put("agi_accountcode", "");
    env.put("agi_threadid", "139970219161280");
    env.putAll(plan.environmentOverrides);
    for (int i = 0; i < plan.args.size(); i++) {
      env.put("agi_arg_" + (i + 1), plan.args.get(i));
    }
    return env;
  }

  private void sendEnvironment(Map<String, String> environment) {
    List<String> lines = new ArrayList<>();
    environment.forEach((name, value) -> lines.add(name + ": " + value + "\n"));
    if (plan.garbageEnvironmentLine != null) {
      lines.add(lines.size() / 2, plan.garbageEnvironmentLine + "\n");
    }
    boolean truncated =
        plan.truncateEnvironmentAfterLines >= 0
            && plan.truncateEnvironmentAfterLines <= lines.size();
    String block =
        truncated
            ? String.join("", lines.subList(0, plan.truncateEnvironmentAfterLines))
            : String.join("", lines) + "\n";
    List<String> chunks = new ArrayList<>();
    int writes = Math.min(plan.environmentWrites, Math.max(1, block.length()));
    for (int i = 0; i < writes; i++) {
      chunks.add(block.substring(block.length() * i / writes, block.length() * (i + 1) / writes));
    }
    writeChunks(chunks, 0, truncated);
  }

  /** One write per event-loop turn so that the server sees separate TCP segments. */
  private void writeChunks(List<String> chunks, int index, boolean closeAfter) {
    if (closed) {
      return;
    }
    if (index == chunks.size()) {
      if (closeAfter) {
        closeBySimulator("environment truncated");
      }
      return;
    }
    write(chunks.get(index));
    vertx.setTimer(1, id -> writeChunks(chunks, index + 1, closeAfter));
  }

  private void onCommand(Buffer buffer) {
    if (closed) {
      return;
    }
    String line = buffer.toString(StandardCharsets.UTF_8);
    transcript.received(line);
    pending.add(line);
    processNext();
  }

  private void processNext() {
    if (busy || pending.isEmpty() || closed) {
      return;
    }
    String line = pending.poll();
    commandCount++;
    SimulatedChannel.Outcome outcome = channel.handle(commandCount, line);
    if (outcome.silent()) {
      busy = true;
      return;
    }
    noticePending |= outcome.noticeBefore();
    sendNotice();
    busy = true;
    long delay = Math.round(outcome.delayMs() * plan.timeScale);
    Runnable reply =
        () -> {
          busy = false;
          if (closed) {
            return;
          }
          scaledWaitMs += delay; // the simulated timeline counts this wait at its full length
          simulatedWaitMs += outcome.delayMs();
          for (String replyLine : outcome.lines()) {
            write(replyLine + "\n");
          }
          if (outcome.noticeAfter()) {
            noticePending = true;
            vertx.setTimer(Math.max(1, Math.round(44 * plan.timeScale)), id -> sendNotice());
          }
          processNext();
        };
    if (delay <= 0) {
      reply.run();
    } else {
      vertx.setTimer(delay, id -> reply.run());
    }
  }

  /** The out-of-band {@code HANGUP} line, sent once per hang-up. */
  private void sendNotice() {
    if (noticePending && !closed) {
      write("HANGUP\n");
    }
    noticePending = false;
  }

  private void write(String bytes) {
    transcript.sent(bytes);
    socket.write(bytes);
  }

  private void closeBySimulator(String why) {
    if (closed) {
      return;
    }
    transcript.note(why);
    timedOut = why.startsWith("watchdog");
    socket.close();
  }

  private void onClosed() {
    closed = true;
    vertx.cancelTimer(watchdog);
    transcript.note("EOF");
    done.tryComplete(
        new SimCallResult(
            transcript,
            Map.copyOf(channel.variables()),
            List.copyOf(channel.recordings()),
            channel.isDead(),
            timedOut,
            (System.nanoTime() - connectedNanos) / 1_000_000 - scaledWaitMs + simulatedWaitMs));
  }
}
