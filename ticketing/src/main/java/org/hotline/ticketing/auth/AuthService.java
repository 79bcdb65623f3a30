package org.hotline.ticketing.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.ticketing.workflow.Actor;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Logs users in (bcrypt on a worker thread, lock-out after repeated failures) and resolves
 * integration tokens. Token lookups are cached briefly: integrations call on every request.
 */
public final class AuthService {

  public static final int MAX_FAILURES = 5;
  public static final int LOCK_MINUTES = 15;
  private static final long TOKEN_CACHE_MILLIS = 30_000;
  // How long a session's user is trusted without looking again: an administrator's change
  // (disabled, new roles, another unit) reaches logged-in sessions within this time.
  private static final long SESSION_CACHE_MILLIS = 2_000;

  /** Why a login failed; the web layer maps it to 401 or 429. */
  public static final class LoginRefused extends RuntimeException {
    private final boolean locked;

    LoginRefused(boolean locked, String message) {
      super(message);
      this.locked = locked;
    }

    public boolean locked() {
      return locked;
    }
  }

  private record CachedActor(Actor actor, long expiresAt) {}

  private final Vertx vertx;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, CachedActor> tokenCache = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CachedActor> sessionCache = new ConcurrentHashMap<>();

  public AuthService(Vertx vertx, UserRepository users, PasswordHasher hasher) {
    this.vertx = vertx;
    this.users = users;
    this.hasher = hasher;
  }

  public Future<Actor> login(String username, String password) {
    return users
        .find(username)
        .compose(
            user ->
                vertx
                    .executeBlocking(
                        () -> hasher.verify(password, user == null ? null : user.passwordHash()),
                        false)
                    .compose(ok -> decide(username, user, ok)));
  }

  private Future<Actor> decide(
      String username, UserRepository.StoredUser user, boolean passwordOk) {
    if (user == null || !user.enabled()) {
      return users
          .audit(username, "login-failed", new JsonObject().put("reason", "unknown user"))
          .compose(v -> Future.failedFuture(new LoginRefused(false, "wrong username or password")));
    }
    if (user.lockedUntil() != null && user.lockedUntil().isAfter(OffsetDateTime.now())) {
      return users
          .audit(username, "login-locked", new JsonObject())
          .compose(
              v ->
                  Future.failedFuture(
                      new LoginRefused(
                          true, "account locked after repeated failed logins; try again later")));
    }
    if (!passwordOk) {
      return users
          .recordFailure(username, MAX_FAILURES, LOCK_MINUTES)
          .compose(
              v ->
                  users.audit(username, "login-failed", new JsonObject().put("reason", "password")))
          .compose(v -> Future.failedFuture(new LoginRefused(false, "wrong username or password")));
    }
    return users
        .recordSuccess(username)
        .compose(v -> users.audit(username, "login", new JsonObject()))
        .map(v -> new Actor(user.username(), user.roles(), user.unit()));
  }

  /** Resolves "Authorization: Bearer <token>"; fails with 401-kind when unknown. */
  public Future<Actor> byToken(String token) {
    String hash = sha256(token);
    CachedActor cached = tokenCache.get(hash);
    long now = System.currentTimeMillis();
    if (cached != null && cached.expiresAt() > now) {
      return Future.succeededFuture(cached.actor());
    }
    return users
        .findByTokenHash(hash)
        .map(
            user -> {
              if (user == null || !user.enabled()) {
                throw new LoginRefused(false, "unknown or revoked token");
              }
              Actor actor = new Actor(user.username(), user.roles(), user.unit());
              tokenCache.put(hash, new CachedActor(actor, now + TOKEN_CACHE_MILLIS));
              return actor;
            });
  }

  /**
   * The logged-in user of a session as stored now: roles and unit as the administrator last set
   * them, or null when the user was disabled or removed (the session then counts as logged out).
   */
  public Future<Actor> current(String username) {
    CachedActor cached = sessionCache.get(username);
    long now = System.currentTimeMillis();
    if (cached != null && cached.expiresAt() > now) {
      return Future.succeededFuture(cached.actor());
    }
    return users
        .find(username)
        .map(
            user -> {
              Actor actor =
                  user == null || !user.enabled()
                      ? null
                      : new Actor(user.username(), user.roles(), user.unit());
              if (actor == null) {
                sessionCache.remove(username);
              } else {
                sessionCache.put(username, new CachedActor(actor, now + SESSION_CACHE_MILLIS));
              }
              return actor;
            });
  }

  /** Issues a new token for a user; only its hash is stored, the token is shown once. */
  public Future<String> issueToken(String username, String name) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = "hl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return users.insertToken(sha256(token), username, name).map(token);
  }

  public Future<UserRepository.StoredUser> user(String username) {
    return users
        .find(username)
        .map(
            u -> {
              if (u == null) {
                throw WorkflowException.invalid("username", "no user " + username);
              }
              return u;
            });
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
