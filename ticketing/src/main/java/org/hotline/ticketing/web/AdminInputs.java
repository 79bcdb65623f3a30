package org.hotline.ticketing.web;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.hotline.ticketing.workflow.WorkflowException;

/** Input checks the administration shares: nested fields, passwords, dates. */
final class AdminInputs {

  /** ASVS level 2 asks for at least 12 characters and no composition rules. */
  static final int MIN_PASSWORD = 12;

  /** bcrypt reads at most 72 bytes; a longer password would be cut silently, so it is refused. */
  static final int MAX_PASSWORD_BYTES = 72;

  private AdminInputs() {}

  /** A required string inside a nested object; the error names the full path (contacts[0].name). */
  static String nested(JsonObject j, String key, int maxLength, String path) {
    try {
      return Inputs.reqString(j, key, maxLength);
    } catch (WorkflowException e) {
      throw WorkflowException.invalid(path, e.getMessage().replace(key, path));
    }
  }

  /** A new password: long enough, not too long for bcrypt, not the username. */
  static String password(JsonObject b, String username) {
    Object v = b.getValue("password");
    if (!(v instanceof String p) || p.isEmpty()) {
      throw WorkflowException.invalid("password", "password is required");
    }
    if (p.codePointCount(0, p.length()) < MIN_PASSWORD) {
      throw WorkflowException.invalid(
          "password", "a password has at least " + MIN_PASSWORD + " characters");
    }
    if (p.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw WorkflowException.invalid(
          "password", "a password has at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
    }
    if (p.strip().equalsIgnoreCase(username)) {
      throw WorkflowException.invalid("password", "the password must not be the username");
    }
    return p;
  }

  /** A date query parameter (2026-12-03), or null. */
  static LocalDate dateParam(io.vertx.ext.web.RoutingContext ctx, String name) {
    String s = Inputs.param(ctx, name);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw WorkflowException.invalid(name, name + " must be a date like 2026-12-03");
    }
  }
}
