package org.hotline.ticketing.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Collects Vert.x's blocked-thread warnings during the tests, so that a test can fail when anything
 * blocked an event loop (Lucene, bcrypt, JDBC, ... must run on worker threads).
 */
public final class BlockedThreadWatch extends AppenderBase<ILoggingEvent> {

  private static final BlockedThreadWatch INSTANCE = new BlockedThreadWatch();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private volatile boolean counting;

  private BlockedThreadWatch() {}

  /** Starts watching (idempotent). */
  public static synchronized BlockedThreadWatch install() {
    if (!INSTANCE.isStarted()) {
      Logger checker = (Logger) LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker");
      INSTANCE.setContext(checker.getLoggerContext());
      INSTANCE.setName("blocked-thread-watch");
      INSTANCE.start();
      checker.addAppender(INSTANCE);
    }
    return INSTANCE;
  }

  @Override
  protected void append(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (counting && message.contains("vert.x-eventloop")) {
      warnings.add(message);
    }
  }

  /**
   * Counts warnings from now on. The platform's start-up (a cold JVM loading thousands of classes
   * on the deploying event loop) is left out: on a loaded 2-core machine it alone can pass 2 s,
   * while what the tests guard against is blocking work in request handling and event consumers.
   */
  public BlockedThreadWatch countFromNow() {
    counting = true;
    return this;
  }

  /** Event-loop blocked warnings seen so far. */
  public List<String> eventLoopWarnings() {
    return List.copyOf(warnings);
  }
}
