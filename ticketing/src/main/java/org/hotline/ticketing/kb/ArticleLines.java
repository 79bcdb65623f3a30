package org.hotline.ticketing.kb;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.kb.Article;
import org.hotline.kb.ArticleStatus;

/**
 * Parses and checks JSON Lines of articles for import: {@code code, title, body, category,
 * keywords[], validFrom?, validUntil?}. A bad line becomes an error naming its line and field; good
 * lines are kept.
 */
public final class ArticleLines {

  /** One refused line. */
  public record LineError(int line, String field, String message) {
    public JsonObject toJson() {
      return new JsonObject().put("line", line).put("field", field).put("message", message);
    }
  }

  /** The outcome of parsing: good articles (last one wins per code) and refused lines. */
  public record Parsed(List<Article> articles, List<LineError> errors, int lines) {}

  private ArticleLines() {}

  public static Parsed parse(String text) {
    java.util.LinkedHashMap<String, Article> good = new java.util.LinkedHashMap<>();
    List<LineError> errors = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    int counted = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      counted++;
      try {
        Article a = parseLine(line);
        good.remove(a.code());
        good.put(a.code(), a);
      } catch (LineException e) {
        errors.add(new LineError(i + 1, e.field, e.getMessage()));
      }
    }
    return new Parsed(new ArrayList<>(good.values()), errors, counted);
  }

  static Article parseLine(String line) {
    JsonObject o;
    try {
      Object v = io.vertx.core.json.Json.decodeValue(line);
      if (!(v instanceof JsonObject j)) {
        throw new LineException(null, "a line must be one JSON object");
      }
      o = j;
    } catch (DecodeException e) {
      throw new LineException(null, "malformed JSON");
    }
    String code = text(o, "code", 64, true);
    if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.\\-]*")) {
      throw new LineException("code", "code may hold letters, digits, '-', '_' and '.' only");
    }
    String title = text(o, "title", 200, true);
    String body = text(o, "body", 20_000, true);
    String category = text(o, "category", 100, false);
    List<String> keywords = new ArrayList<>();
    Object kw = o.getValue("keywords");
    if (kw != null) {
      if (!(kw instanceof JsonArray arr) || arr.size() > 50) {
        throw new LineException("keywords", "keywords must be an array of at most 50 strings");
      }
      for (Object k : arr) {
        if (!(k instanceof String s) || s.isBlank() || s.length() > 50) {
          throw new LineException(
              "keywords", "keywords must be non-empty strings of at most 50 characters");
        }
        keywords.add(s.strip());
      }
    }
    LocalDate from = date(o, "validFrom");
    LocalDate until = date(o, "validUntil");
    if (from != null && until != null && until.isBefore(from)) {
      throw new LineException("validUntil", "validUntil is before validFrom");
    }
    String unit = text(o, "unit", 64, false);
    return new Article(
        code,
        title,
        body,
        category == null ? "" : category,
        keywords,
        from,
        until,
        ArticleStatus.PUBLISHED,
        unit,
        null);
  }

  private static String text(JsonObject o, String field, int max, boolean required) {
    Object v = o.getValue(field);
    if (v == null || (v instanceof String s && s.isBlank())) {
      if (required) {
        throw new LineException(field, field + " is required");
      }
      return null;
    }
    if (!(v instanceof String s)) {
      throw new LineException(field, field + " must be a string");
    }
    if (s.length() > max) {
      throw new LineException(field, field + " is longer than " + max + " characters");
    }
    return s.strip();
  }

  private static LocalDate date(JsonObject o, String field) {
    String s = text(o, field, 10, false);
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new LineException(field, field + " must be a date like 2026-01-31");
    }
  }

  private static final class LineException extends RuntimeException {
    final String field;

    LineException(String field, String message) {
      super(message);
      this.field = field;
    }
  }
}
