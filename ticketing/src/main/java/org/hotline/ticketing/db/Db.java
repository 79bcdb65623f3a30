package org.hotline.ticketing.db;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.config.HotlineConfig;

/** Builds the connection pool and converts the column types the repositories share. */
public final class Db {

  private Db() {}

  public static Pool pool(Vertx vertx, HotlineConfig c) {
    PgConnectOptions connect =
        new PgConnectOptions()
            .setHost(c.pgHost())
            .setPort(c.pgPort())
            .setDatabase(c.pgDatabase())
            .setUser(c.pgUser())
            .setPassword(c.pgPassword())
            .setCachePreparedStatements(true)
            .setPipeliningLimit(16);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(c.pgPoolSize()).setMaxWaitQueueSize(10_000))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }

  /** timestamptz as a time in Asia/Shanghai, the zone every deadline is reasoned in. */
  public static ZonedDateTime zoned(Row row, String column) {
    OffsetDateTime t = row.getOffsetDateTime(column);
    return t == null ? null : t.atZoneSameInstant(WorkingCalendar.SHANGHAI);
  }

  public static OffsetDateTime offset(ZonedDateTime t) {
    return t == null ? null : t.toOffsetDateTime();
  }

  public static List<String> strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? List.of() : Arrays.asList(values);
  }
}
