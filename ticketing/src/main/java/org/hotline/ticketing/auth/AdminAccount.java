package org.hotline.ticketing.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the {@code admin} user exists. Its password comes from HOTLINE_ADMIN_PASSWORD; in demo
 * mode it defaults to demo12345; otherwise one is generated and printed once.
 */
public final class AdminAccount {

  private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

  private AdminAccount() {}

  public static Future<Void> ensure(
      Vertx vertx, Pool pool, PasswordHasher hasher, String configured, boolean demo) {
    return pool.query("SELECT 1 FROM app_user WHERE username = 'admin'")
        .execute()
        .compose(
            rows -> {
              if (rows.size() > 0) {
                return Future.succeededFuture();
              }
              String password;
              if (configured != null && !configured.isBlank()) {
                password = configured;
              } else if (demo) {
                password = "demo12345";
              } else {
                byte[] b = new byte[12];
                new SecureRandom().nextBytes(b);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
                System.out.println(
                    "[hotline] generated the password of user admin: "
                        + password
                        + "  (shown once)");
              }
              String chosen = password;
              return vertx
                  .executeBlocking(() -> hasher.hash(chosen))
                  .compose(
                      hash ->
                          pool.preparedQuery(
                                  "INSERT INTO app_user (username, password_hash, display_name, roles)"
                                      + " VALUES ('admin', $1, '系统管理员', '{admin}') ON CONFLICT (username) DO NOTHING")
                              .execute(Tuple.of(hash)))
                  .onSuccess(v -> LOG.info("created user admin"))
                  .mapEmpty();
            });
  }
}
