package org.hotline.ticketing.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/** bcrypt (cost 10) by a library. Slow on purpose: call it on a worker thread. */
public final class PasswordHasher {

  private static final int COST = 10;

  /**
   * Verified against when a user does not exist, so that timing does not reveal which names exist.
   * Made on first use (a worker thread), not when the class loads on an event loop at start.
   */
  private static final class Dummy {
    static final String HASH = hashStatic("timing-equaliser");
  }

  public String hash(String password) {
    return hashStatic(password);
  }

  public boolean verify(String password, String hash) {
    String h = hash == null ? Dummy.HASH : hash;
    boolean ok =
        BCrypt.verifyer()
            .verify(password.getBytes(StandardCharsets.UTF_8), h.getBytes(StandardCharsets.UTF_8))
            .verified;
    return ok && hash != null;
  }

  private static String hashStatic(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }
}
