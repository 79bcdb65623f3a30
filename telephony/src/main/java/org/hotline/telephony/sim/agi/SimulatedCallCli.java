package org.hotline.telephony.sim.agi;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Places one simulated call into a running FastAGI server and prints the transcript, for a person
 * trying the IVR without a PBX:
 *
 * <pre>
 * java ... org.hotline.telephony.sim.agi.SimulatedCallCli [host] [port] [script] [keys...]
 * e.g. 127.0.0.1 4573 hotline 2 2026112800123#     (key 2 during the greeting, then an order)
 *      127.0.0.1 4573 survey,1795888827.17,13800138000 1
 * </pre>
 *
 * Each key argument is what the caller presses at the next prompt that listens ({@code -} for
 * nothing). Prompts play at ten times the real speed.
 */
public final class SimulatedCallCli {
  private SimulatedCallCli() {}

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 4573;
    String[] script = (args.length > 2 ? args[2] : "hotline").split(",");
    List<DtmfInput> inputs = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      inputs.add(args[i].equals("-") ? DtmfInput.none() : DtmfInput.keys(args[i]));
    }
    SimCallPlan plan =
        SimCallPlan.builder(script[0])
            .args(java.util.Arrays.copyOfRange(script, 1, script.length))
            .inputs(inputs.toArray(DtmfInput[]::new))
            .timeScale(0.1)
            .maxCallMs(60_000)
            .build();
    Vertx vertx = Vertx.vertx();
    try {
      NetClient client = vertx.createNetClient();
      SimCallResult result =
          SimulatedAgiCall.dial(vertx, client, host, port, plan)
              .toCompletionStage()
              .toCompletableFuture()
              .get(90, TimeUnit.SECONDS);
      System.out.print(result.transcript());
      System.out.println("channel variables: " + result.variables());
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
