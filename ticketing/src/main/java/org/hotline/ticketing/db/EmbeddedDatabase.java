package org.hotline.ticketing.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL started from the binaries on Maven Central (zonky), its data kept in a folder
 * so that it survives restarts. When run as root, zonky runs initdb and postgres in a user
 * namespace (initdb refuses root otherwise).
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataFolder) throws IOException {
    Files.createDirectories(dataFolder);
    LOG.info("starting embedded PostgreSQL with data in {}", dataFolder);
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataFolder)
            .setCleanDataDirectory(false)
            .setPort(0)
            // zonky's defaults favour test speed (fsync and synchronous commit off); a committed
            // order must survive a power cut, so both go back on.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .start();
    return new EmbeddedDatabase(pg);
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
