package org.hotline.ticketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.hotline.ticketing.telephony.TelephonyDeployment;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a real Asterisk configured there are no simulated calls: writes 409, reads 404. */
class SimCallHandlersRealPbxTest {
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    // a real PBX: the bridge started without a simulator
    SimCallHandlers sim =
        new SimCallHandlers(vertx, () -> new TelephonyDeployment.Started(4573, null, null));
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create());
    r.route()
        .handler(
            ctx -> {
              ctx.put(Sessions.ACTOR, new Actor("agent1", EnumSet.of(Role.AGENT), null));
              ctx.next();
            });
    r.get("/api/sim/status").handler(sim::status);
    r.post("/api/sim/calls").handler(sim::place);
    r.get("/api/sim/calls/:id").handler(sim::get);
    r.post("/api/sim/calls/:id/dtmf").handler(sim::dtmf);
    r.route().failureHandler(ApiErrors::handle);
    server =
        vertx
            .createHttpServer()
            .requestHandler(r)
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private HttpResponse<String> call(String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
            .header("Content-Type", "application/json");
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void statusSaysNotSimulatedWritesAreConflictsReadsAreNotFound() throws Exception {
    HttpResponse<String> status = call("GET", "/api/sim/status", null);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"simulated\":false");

    HttpResponse<String> place = call("POST", "/api/sim/calls", "{\"caller\":\"13800138000\"}");
    assertThat(place.statusCode()).isEqualTo(409);
    assertThat(place.body()).contains("not_simulated");
    assertThat(call("POST", "/api/sim/calls/1.1/dtmf", "{\"digits\":\"1\"}").statusCode())
        .isEqualTo(409);
    assertThat(call("GET", "/api/sim/calls/1.1", null).statusCode()).isEqualTo(404);
  }
}
