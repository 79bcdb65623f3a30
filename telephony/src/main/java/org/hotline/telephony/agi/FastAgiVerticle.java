package org.hotline.telephony.agi;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;
import java.util.function.Function;
import org.hotline.telephony.agi.script.IvrScripts;

/**
 * Deploys the FastAGI server with the IVR scripts ({@code hotline}, {@code survey}, {@code
 * callback-survey}). Config: the keys of {@link FastAgiOptions} and of {@link
 * org.hotline.telephony.agi.script.IvrSettings} ({@code queueName}, {@code recordingsDir}, ...).
 */
public final class FastAgiVerticle extends VerticleBase {
  private final Function<FastAgiVerticle, Map<String, AgiScript>> scriptFactory;
  private FastAgiServer server;

  /** With the standard IVR scripts. */
  public FastAgiVerticle() {
    this(verticle -> IvrScripts.standard(verticle.vertx, verticle.config()));
  }

  /** With scripts of the caller's choice (tests, tools). */
  public FastAgiVerticle(Function<FastAgiVerticle, Map<String, AgiScript>> scriptFactory) {
    this.scriptFactory = scriptFactory;
  }

  @Override
  public Future<?> start() {
    server = new FastAgiServer(vertx, FastAgiOptions.fromJson(config()), scriptFactory.apply(this));
    return server.start();
  }

  @Override
  public Future<?> stop() {
    return server.close();
  }

  /** The running server (port, counters); null before start. */
  public FastAgiServer server() {
    return server;
  }
}
