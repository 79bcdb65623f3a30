package org.hotline.telephony.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline.telephony.agi.script.IvrSettings;
import org.junit.jupiter.api.Test;

class FastAgiOptionsTest {
  @Test
  void defaultsFollowTheIssue() {
    FastAgiOptions options = FastAgiOptions.defaults();
    assertThat(options.host()).isEqualTo("0.0.0.0");
    assertThat(options.port()).isEqualTo(4573);
    assertThat(IvrSettings.fromJson(new JsonObject()).queueName()).isEqualTo("hotline");
  }

  @Test
  void configKeysAreRead() {
    FastAgiOptions options =
        FastAgiOptions.fromJson(
            new JsonObject()
                .put("agiHost", "127.0.0.1")
                .put("agiPort", 14573)
                .put("commandTimeoutMs", 1234)
                .put("maxSessions", 7));
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(14573);
    assertThat(options.commandTimeoutMs()).isEqualTo(1234);
    assertThat(options.maxSessions()).isEqualTo(7);
  }

  @Test
  void badValuesAreRefusedAtStart() {
    assertThatThrownBy(() -> FastAgiOptions.fromJson(new JsonObject().put("agiPort", 70000)))
        .hasMessageContaining("agiPort");
    assertThatThrownBy(() -> FastAgiOptions.fromJson(new JsonObject().put("commandTimeoutMs", 0)))
        .hasMessageContaining("commandTimeoutMs");
    Vertx vertx = Vertx.vertx();
    try {
      DeploymentOptions bad =
          new DeploymentOptions().setConfig(new JsonObject().put("agiPort", -1));
      assertThat(
              vertx
                  .deployVerticle(new FastAgiVerticle(), bad)
                  .toCompletionStage()
                  .toCompletableFuture())
          .failsWithin(java.time.Duration.ofSeconds(5));
    } finally {
      AgiTestBed.await(vertx.close());
    }
  }
}
