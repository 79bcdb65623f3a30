package org.hotline.ticketing.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.ticketing.calendar.WorkingCalendar;
import org.hotline.ticketing.workflow.WorkflowException;

/**
 * Reads request bodies and parameters with field-level errors: a wrong type, a missing field or a
 * value out of range becomes a 400 naming the field, before anything is changed.
 */
public final class Inputs {

  private Inputs() {}

  /** The JSON object body; only application/json is accepted (a guard against cross-site forms). */
  public static JsonObject body(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw WorkflowException.invalid("Content-Type", "the body must be application/json");
    }
    String text = ctx.body() == null ? null : ctx.body().asString();
    if (text == null || text.isBlank()) {
      throw WorkflowException.invalid("body", "a JSON object is required");
    }
    try {
      Object parsed = io.vertx.core.json.Json.decodeValue(text);
      if (!(parsed instanceof JsonObject o)) {
        throw WorkflowException.invalid("body", "a JSON object is required");
      }
      return o;
    } catch (DecodeException e) {
      throw WorkflowException.invalid("body", "malformed JSON: " + e.getMessage());
    }
  }

  public static String optString(JsonObject j, String field, int maxLength) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw WorkflowException.invalid(field, field + " must be a string");
    }
    if (s.length() > maxLength) {
      throw WorkflowException.invalid(
          field, field + " is longer than " + maxLength + " characters");
    }
    return s.isBlank() ? null : s.trim();
  }

  public static String reqString(JsonObject j, String field, int maxLength) {
    String s = optString(j, field, maxLength);
    if (s == null) {
      throw WorkflowException.invalid(field, field + " is required");
    }
    return s;
  }

  public static String oneOf(JsonObject j, String field, List<String> allowed, String dflt) {
    String s = optString(j, field, 64);
    if (s == null) {
      if (dflt == null) {
        throw WorkflowException.invalid(field, field + " is required, one of " + allowed);
      }
      return dflt;
    }
    if (!allowed.contains(s)) {
      throw WorkflowException.invalid(
          field, field + " must be one of " + allowed + ", not '" + s + "'");
    }
    return s;
  }

  public static int reqInt(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      throw WorkflowException.invalid(field, field + " is required");
    }
    if (!(v instanceof Integer || v instanceof Long)
        || ((Number) v).longValue() != ((Number) v).intValue()) {
      throw WorkflowException.invalid(field, field + " must be an integer");
    }
    return ((Number) v).intValue();
  }

  public static Boolean optBool(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Boolean b)) {
      throw WorkflowException.invalid(field, field + " must be true or false");
    }
    return b;
  }

  public static Double optNumber(JsonObject j, String field, double min, double max) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n)) {
      throw WorkflowException.invalid(field, field + " must be a number");
    }
    double d = n.doubleValue();
    if (Double.isNaN(d) || d < min || d > max) {
      throw WorkflowException.invalid(field, field + " must lie between " + min + " and " + max);
    }
    return d;
  }

  public static List<String> optStrings(JsonObject j, String field, int maxItems, int maxLength) {
    Object v = j.getValue(field);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw WorkflowException.invalid(field, field + " must be an array of strings");
    }
    if (a.size() > maxItems) {
      throw WorkflowException.invalid(field, field + " has more than " + maxItems + " items");
    }
    List<String> out = new ArrayList<>();
    for (Object item : a) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
        throw WorkflowException.invalid(field, field + " must be an array of non-empty strings");
      }
      out.add(s.trim());
    }
    return out;
  }

  /**
   * An ISO-8601 time with offset (2026-10-09T16:00+08:00) or a date (2026-10-09), which means the
   * end of that day's office hours.
   */
  public static ZonedDateTime optTime(JsonObject j, String field, WorkingCalendar calendar) {
    String s = optString(j, field, 64);
    if (s == null) {
      return null;
    }
    try {
      if (s.length() == 10) {
        var periods = calendar.hours().periods();
        return LocalDate.parse(s)
            .atTime(periods.get(periods.size() - 1).end())
            .atZone(calendar.zone());
      }
      return OffsetDateTime.parse(s).atZoneSameInstant(calendar.zone());
    } catch (DateTimeParseException e) {
      throw WorkflowException.invalid(
          field, field + " must be an ISO-8601 time with offset or a date");
    }
  }

  /** A query parameter as a non-negative integer within bounds, or the default. */
  public static int intParam(RoutingContext ctx, String name, int dflt, int min, int max) {
    String raw = ctx.request().getParam(name);
    if (raw == null || raw.isBlank()) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(raw.trim());
      if (v < min || v > max) {
        throw WorkflowException.invalid(name, name + " must lie between " + min + " and " + max);
      }
      return v;
    } catch (NumberFormatException e) {
      throw WorkflowException.invalid(name, name + " must be an integer");
    }
  }

  /** A query parameter, trimmed; null when absent or blank. */
  public static String param(RoutingContext ctx, String name) {
    String v = ctx.request().getParam(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** A path id: a positive number, else 404 (no such order can exist). */
  public static long pathId(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw WorkflowException.notFound("no such order: " + raw);
  }
}
