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
    if (message.contains("vert.x-eventloop")) {
      warnings.add(message);
    }
  }

  /** Event-loop blocked warnings seen so far. */
  public List<String> eventLoopWarnings() {
    return List.copyOf(warnings);
  }
}
