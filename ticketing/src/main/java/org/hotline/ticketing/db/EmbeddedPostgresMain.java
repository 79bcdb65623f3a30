package org.hotline.ticketing.db;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an embedded PostgreSQL on its own, for scripts/test on a machine without one. Prints {@code
 * READY port=N} when it accepts connections and stops the server on SIGTERM or Ctrl-C.
 */
public final class EmbeddedPostgresMain {

  private EmbeddedPostgresMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EmbeddedPostgresMain DATA_FOLDER");
      System.exit(2);
    }
    EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]).toAbsolutePath());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    db.close();
                  } catch (Exception e) {
                    System.err.println("stopping embedded PostgreSQL failed: " + e);
                  }
                  stopped.countDown();
                }));
    System.out.println("READY port=" + db.port());
    System.out.flush();
    stopped.await();
  }
}
